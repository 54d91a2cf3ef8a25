//! Conversion between Python objects and JSON values, so the core's serde types cross the
//! boundary as plain `dict`, `list`, `str`, `int`, `float`, `bool` and `None`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// Deepest nesting accepted from Python; facts documents are four levels deep. The bound
/// also stops a self-referencing list or dict.
const MAX_DEPTH: usize = 64;

/// Converts a JSON value to the matching Python object.
pub fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    let object = match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(number) => {
            if let Some(integer) = number.as_i64() {
                integer.into_pyobject(py)?.into_any()
            } else if let Some(integer) = number.as_u64() {
                integer.into_pyobject(py)?.into_any()
            } else {
                number
                    .as_f64()
                    .unwrap_or(f64::NAN)
                    .into_pyobject(py)?
                    .into_any()
            }
        }
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_python(py, item)?)?;
            }
            dict.into_any()
        }
    };
    Ok(object)
}

/// Converts a Python object made of dicts, lists, tuples, strings, numbers, booleans and None
/// to a JSON value. `path` names the position for error messages, for example `facts.azure`.
pub fn from_python(object: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    from_python_at(object, path, 0)
}

fn from_python_at(object: &Bound<'_, PyAny>, path: &str, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "{path}: nested deeper than {MAX_DEPTH} levels"
        )));
    }

    // bool is a subclass of int in Python, so it is checked first.
    if object.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(flag) = object.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if object.is_instance_of::<PyInt>() {
        if let Ok(integer) = object.extract::<i64>() {
            return Ok(Value::from(integer));
        }
        if let Ok(integer) = object.extract::<u64>() {
            return Ok(Value::from(integer));
        }
        return Err(PyValueError::new_err(format!(
            "{path}: the integer {object} does not fit in 64 bits"
        )));
    }
    if object.is_instance_of::<PyFloat>() {
        let float = object.extract::<f64>()?;
        return Number::from_f64(float).map(Value::Number).ok_or_else(|| {
            PyValueError::new_err(format!("{path}: {float} is not a finite number"))
        });
    }
    if let Ok(text) = object.cast::<PyString>() {
        return Ok(Value::String(text.to_str()?.to_owned()));
    }
    if let Ok(dict) = object.cast::<PyDict>() {
        let mut map = Map::new();
        for (key, item) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(PyTypeError::new_err(format!(
                    "{path}: dict keys must be str, but found {}",
                    key.get_type().name()?
                )));
            };
            let key = key.to_str()?.to_owned();
            let child = format!("{path}.{key}");
            map.insert(key, from_python_at(&item, &child, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if object.is_instance_of::<PyList>() || object.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (index, item) in object.try_iter()?.enumerate() {
            let child = format!("{path}[{index}]");
            items.push(from_python_at(&item?, &child, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    Err(PyTypeError::new_err(format!(
        "{path}: expected dict, list, str, int, float, bool or None, but found {}",
        object.get_type().name()?
    )))
}
