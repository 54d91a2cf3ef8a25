//! The `byok_prereqs` module: thin functions that call the core and map its errors.

use byok_core::{
    evaluate as core_evaluate, parse_text as core_parse_text, render as core_render,
    EvaluateOptions, Facts, Format, InputKind, ParseOptions, Report, Status, FACTS_SCHEMA_VERSION,
    REPORT_SCHEMA_VERSION, RULES,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};
use serde_json::Value;

use crate::convert::{from_python, to_python};
use crate::errors::{invalid_option, register, to_py_err};

/// Converts any serializable core value to a Python object.
fn to_object<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value)
        .map_err(|error| PyValueError::new_err(format!("could not convert a result: {error}")))?;
    to_python(py, &json)
}

/// Reads facts given as a dict (a facts document) or as JSON text.
fn facts_from_object(object: &Bound<'_, PyAny>, name: &str) -> PyResult<Facts> {
    let py = object.py();
    let result = match object.cast::<PyString>() {
        Ok(text) => Facts::from_json(text.to_str()?),
        Err(_) => Facts::from_value(from_python(object, name)?),
    };
    result.map_err(|error| to_py_err(py, error))
}

/// Reads tool output into a facts fragment.
///
/// Returns a dict with `kind`, `label`, `facts` and `warnings`. `kind` is an input kind name
/// such as `primus-device-info`; without it the kind is recognised from the text. `partition`
/// chooses a partition in a security configuration with several.
#[pyfunction]
#[pyo3(signature = (text, kind=None, partition=None))]
fn parse_text<'py>(
    py: Python<'py>,
    text: &str,
    kind: Option<&str>,
    partition: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let kind = match kind {
        Some(name) => Some(InputKind::from_name(name).map_err(|error| to_py_err(py, error))?),
        None => None,
    };
    let options = ParseOptions { kind, partition };
    let parsed = core_parse_text(text, &options).map_err(|error| to_py_err(py, error))?;
    to_object(py, &parsed)
}

/// Evaluates every check in the catalogue against the facts and returns the report as a dict.
///
/// `facts` is a facts document (dict or JSON text). `skip` lists check ids to skip, `fail_on`
/// the statuses that make the verdict `not-ready` (default `["fail"]`), and `now` the current
/// time in RFC 3339, which the setup password and KEK expiry checks need.
#[pyfunction]
#[pyo3(signature = (facts, *, skip=None, fail_on=None, now=None))]
fn evaluate<'py>(
    py: Python<'py>,
    facts: &Bound<'py, PyAny>,
    skip: Option<Vec<String>>,
    fail_on: Option<Vec<String>>,
    now: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let facts = facts_from_object(facts, "facts")?;
    let fail_on = match fail_on {
        Some(names) => {
            let mut statuses = Vec::with_capacity(names.len());
            for name in names {
                let status = Status::from_name(&name).ok_or_else(|| {
                    invalid_option(
                        py,
                        format!(
                            "fail_on: unknown status '{name}'; expected pass, warn, fail, unknown or skipped"
                        ),
                    )
                })?;
                statuses.push(status);
            }
            Some(statuses)
        }
        None => None,
    };
    let options = EvaluateOptions {
        skip: skip.unwrap_or_default(),
        fail_on,
        now,
    };
    let report = core_evaluate(&facts, &options).map_err(|error| to_py_err(py, error))?;
    to_object(py, &report)
}

/// Merges `update` into `base`: every fact set in `update` replaces the one in `base`.
///
/// Returns `(merged, replaced)`, where `replaced` lists `{"path", "old", "new"}` for each fact
/// whose value changed, so a host can warn that two inputs disagree.
#[pyfunction]
fn merge_facts<'py>(
    py: Python<'py>,
    base: &Bound<'py, PyAny>,
    update: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyTuple>> {
    let mut merged = facts_from_object(base, "base")?;
    let update = facts_from_object(update, "update")?;
    let replaced = merged.merge(&update);
    PyTuple::new(py, [to_object(py, &merged)?, to_object(py, &replaced)?])
}

/// Validates a facts document (dict or JSON text) and returns it in normal form.
#[pyfunction]
fn load_facts<'py>(py: Python<'py>, facts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let facts = facts_from_object(facts, "facts")?;
    to_object(py, &facts)
}

/// Renders a report dict as `json`, `text`, `markdown` (or `md`) or `junit`.
#[pyfunction]
#[pyo3(signature = (report, format="text"))]
fn render(py: Python<'_>, report: &Bound<'_, PyAny>, format: &str) -> PyResult<String> {
    let format = Format::from_name(format).map_err(|error| to_py_err(py, error))?;
    let value: Value = from_python(report, "report")?;
    let report: Report = serde_json::from_value(value).map_err(|error| {
        PyValueError::new_err(format!(
            "report: not a report as evaluate() returns it: {error}"
        ))
    })?;
    Ok(core_render(&report, format))
}

/// Returns the catalogue: one dict per check with its id, title, category, thresholds,
/// the facts it reads and its remediation.
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let items = RULES
        .iter()
        .map(|rule| to_object(py, rule))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// Checks the prerequisites for moving a key from a Securosys Primus HSM or CloudHSM partition
/// into Azure Key Vault or Managed HSM (BYOK). Read tool output with `parse_text`, combine
/// facts with `merge_facts`, evaluate them with `evaluate` and show the report with `render`.
#[pymodule]
fn byok_prereqs(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("FACTS_SCHEMA_VERSION", FACTS_SCHEMA_VERSION)?;
    module.add("REPORT_SCHEMA_VERSION", REPORT_SCHEMA_VERSION)?;
    module.add(
        "CHECK_IDS",
        PyTuple::new(py, RULES.iter().map(|rule| rule.id))?,
    )?;
    module.add(
        "INPUT_KINDS",
        PyTuple::new(py, InputKind::ALL.iter().map(|kind| kind.as_str()))?,
    )?;
    module.add(
        "FORMATS",
        PyTuple::new(py, Format::ALL.iter().map(|format| format.as_str()))?,
    )?;
    module.add(
        "STATUSES",
        PyTuple::new(py, Status::ALL.iter().map(|status| status.as_str()))?,
    )?;
    register(module)?;
    module.add_function(wrap_pyfunction!(parse_text, module)?)?;
    module.add_function(wrap_pyfunction!(evaluate, module)?)?;
    module.add_function(wrap_pyfunction!(merge_facts, module)?)?;
    module.add_function(wrap_pyfunction!(load_facts, module)?)?;
    module.add_function(wrap_pyfunction!(render, module)?)?;
    module.add_function(wrap_pyfunction!(rules, module)?)?;
    Ok(())
}
