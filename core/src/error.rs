//! The one error shape every host shows: a stable code and a message that names the input
//! and the fix. Python raises a typed exception per code; JavaScript throws an `Error` whose
//! `code` property is the code.

use std::fmt;

use serde::Serialize;

/// Stable error codes, the same in every host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// A facts document has a wrong type, an unknown field or is not JSON.
    InvalidFacts,
    /// A facts document has a `schema_version` this build does not read.
    UnsupportedSchema,
    /// An input is larger than the documented limit and was not read.
    InputTooLarge,
    /// The text is not one of the kinds the readers know.
    UnrecognizedInput,
    /// The text looks like the requested kind but cannot be read as it.
    InvalidInput,
    /// An evaluation option is invalid, for example an unknown check id.
    InvalidOption,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidFacts => "invalid-facts",
            ErrorCode::UnsupportedSchema => "unsupported-schema",
            ErrorCode::InputTooLarge => "input-too-large",
            ErrorCode::UnrecognizedInput => "unrecognized-input",
            ErrorCode::InvalidInput => "invalid-input",
            ErrorCode::InvalidOption => "invalid-option",
        }
    }
}

/// An error with a stable code and a message for the operator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
}

impl Error {
    pub fn new(code: ErrorCode, message: String) -> Self {
        Error { code, message }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
