//! Typed Python exceptions for the core's error codes. Every exception carries the core's
//! message and a `code` attribute with the core's stable code (`invalid-facts`, ...).

use byok_core::{Error, ErrorCode};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    byok_prereqs,
    ByokError,
    PyValueError,
    "Base class of the errors raised by byok_prereqs; `code` is the core's stable error code."
);
create_exception!(
    byok_prereqs,
    InvalidFactsError,
    ByokError,
    "A facts document has a wrong type, an unknown field or is not JSON (code invalid-facts)."
);
create_exception!(
    byok_prereqs,
    UnsupportedSchemaError,
    ByokError,
    "A facts document has a schema_version this build does not read (code unsupported-schema)."
);
create_exception!(
    byok_prereqs,
    InputTooLargeError,
    ByokError,
    "An input is larger than the documented limit and was not read (code input-too-large)."
);
create_exception!(
    byok_prereqs,
    UnrecognizedInputError,
    ByokError,
    "The text is not one of the kinds the readers know (code unrecognized-input)."
);
create_exception!(
    byok_prereqs,
    InvalidInputError,
    ByokError,
    "The text looks like the requested kind but cannot be read as it (code invalid-input)."
);
create_exception!(
    byok_prereqs,
    InvalidOptionError,
    ByokError,
    "An option is invalid, for example an unknown check id (code invalid-option)."
);

/// Adds the exception classes to the module, each with its code as a class attribute.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    let classes = [
        ("ByokError", py.get_type::<ByokError>(), None),
        (
            "InvalidFactsError",
            py.get_type::<InvalidFactsError>(),
            Some(ErrorCode::InvalidFacts),
        ),
        (
            "UnsupportedSchemaError",
            py.get_type::<UnsupportedSchemaError>(),
            Some(ErrorCode::UnsupportedSchema),
        ),
        (
            "InputTooLargeError",
            py.get_type::<InputTooLargeError>(),
            Some(ErrorCode::InputTooLarge),
        ),
        (
            "UnrecognizedInputError",
            py.get_type::<UnrecognizedInputError>(),
            Some(ErrorCode::UnrecognizedInput),
        ),
        (
            "InvalidInputError",
            py.get_type::<InvalidInputError>(),
            Some(ErrorCode::InvalidInput),
        ),
        (
            "InvalidOptionError",
            py.get_type::<InvalidOptionError>(),
            Some(ErrorCode::InvalidOption),
        ),
    ];
    for (name, class, code) in classes {
        class.setattr("code", code.map(ErrorCode::as_str))?;
        module.add(name, class)?;
    }
    Ok(())
}

/// Turns a core error into the exception for its code, with `code` set on the instance.
pub fn to_py_err(py: Python<'_>, error: Error) -> PyErr {
    let Error { code, message } = error;
    #[allow(unreachable_patterns)]
    let err = match code {
        ErrorCode::InvalidFacts => InvalidFactsError::new_err(message),
        ErrorCode::UnsupportedSchema => UnsupportedSchemaError::new_err(message),
        ErrorCode::InputTooLarge => InputTooLargeError::new_err(message),
        ErrorCode::UnrecognizedInput => UnrecognizedInputError::new_err(message),
        ErrorCode::InvalidInput => InvalidInputError::new_err(message),
        ErrorCode::InvalidOption => InvalidOptionError::new_err(message),
        // A code added to the core later still raises the base class with its code.
        _ => ByokError::new_err(message),
    };
    if let Err(setattr_error) = err.value(py).setattr("code", code.as_str()) {
        return setattr_error;
    }
    err
}

/// Builds an `invalid-option` error for a bad argument value.
pub fn invalid_option(py: Python<'_>, message: String) -> PyErr {
    to_py_err(py, Error::new(ErrorCode::InvalidOption, message))
}
