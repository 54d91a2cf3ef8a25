//! JavaScript bindings of `byok_core`, built with wasm-bindgen for the browser page, the
//! `<byok-prereqs-checklist>` element and Node.
//!
//! Every export calls the core and converts its values. Objects cross as plain JavaScript
//! objects (maps too, never `Map`). A core [`Error`] becomes a JavaScript `Error` with the
//! core's message and with the core's [`ErrorCode`] in its `code` property.
//! `types.d.ts` declares the shapes; the web tests check them against real objects.
//!
//! The crate is empty on native targets, so the workspace builds and tests there without
//! wasm-bindgen.
#![cfg(target_family = "wasm")]

use byok_core::facts::Replaced;
use byok_core::{Error, ErrorCode, EvaluateOptions, Facts, Format, InputKind, ParseOptions};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Reads tool output into a facts fragment; see `byok_core::parse_text`.
#[wasm_bindgen(js_name = parseText, unchecked_return_type = "Parsed")]
pub fn parse_text(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "ParseOptions | undefined")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options: ParseOptions = options_from_js(options)?;
    let parsed = byok_core::parse_text(text, &options).map_err(to_js_error)?;
    to_js(&parsed)
}

/// Evaluates every check against the facts; see `byok_core::evaluate`.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Facts")] facts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluateOptions | undefined")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let facts = facts_from_js(facts)?;
    let options: EvaluateOptions = options_from_js(options)?;
    let report = byok_core::evaluate(&facts, &options).map_err(to_js_error)?;
    to_js(&report)
}

/// The result of [`merge_facts`].
#[derive(Serialize)]
struct Merged {
    facts: Facts,
    /// Facts whose value the update changed, so a host can show that two inputs disagree.
    replaced: Vec<Replaced>,
}

/// Merges `update` into a copy of `base`; see `byok_core::Facts::merge`.
#[wasm_bindgen(js_name = mergeFacts, unchecked_return_type = "MergeResult")]
pub fn merge_facts(
    #[wasm_bindgen(unchecked_param_type = "Facts")] base: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Facts")] update: JsValue,
) -> Result<JsValue, JsValue> {
    let mut facts = facts_from_js(base)?;
    let update = facts_from_js(update)?;
    let replaced = facts.merge(&update);
    to_js(&Merged { facts, replaced })
}

/// Writes facts as the pretty-printed JSON bundle that `az byok prereqs --facts` reads.
#[wasm_bindgen(js_name = factsToJson)]
pub fn facts_to_json(
    #[wasm_bindgen(unchecked_param_type = "Facts")] facts: JsValue,
) -> Result<String, JsValue> {
    Ok(facts_from_js(facts)?.to_json())
}

/// Renders a report as `json`, `text`, `markdown` (or `md`) or `junit`; see `byok_core::render`.
#[wasm_bindgen]
pub fn render(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Format | \"md\"")] format: &str,
) -> Result<String, JsValue> {
    let format = Format::from_name(format).map_err(to_js_error)?;
    let report = json_from_js(report)
        .and_then(|json| serde_json::from_value(json).map_err(|error| error.to_string()))
        .map_err(|message| {
            to_js_error(Error::new(
                ErrorCode::InvalidInput,
                format!("report: {message}; pass a report returned by evaluate"),
            ))
        })?;
    Ok(byok_core::render(&report, format))
}

/// Returns the catalogue: every check with its thresholds, their sources and the fix, in report order.
#[wasm_bindgen(unchecked_return_type = "Rule[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    to_js(byok_core::RULES)
}

/// Returns the input kinds `parseText` reads, by the names its `kind` option takes.
#[wasm_bindgen(js_name = inputKinds, unchecked_return_type = "InputKind[]")]
pub fn input_kinds() -> Result<JsValue, JsValue> {
    to_js(&InputKind::ALL)
}

/// Returns the version of this build, which is the workspace version the core shares.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Converts a core error into a JavaScript `Error` with the core's message and a `code`.
fn to_js_error(error: Error) -> JsValue {
    let js_error = js_sys::Error::new(&error.message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&js_error, &"code".into(), &error.code.as_str().into());
    js_error.into()
}

/// Reads a facts object through the core's own reader, so errors name the field path as they
/// do for a facts file.
fn facts_from_js(value: JsValue) -> Result<Facts, JsValue> {
    let json = json_from_js(value).map_err(|message| {
        to_js_error(Error::new(
            ErrorCode::InvalidFacts,
            format!("the facts are not a plain JSON object: {message}"),
        ))
    })?;
    Facts::from_value(json).map_err(to_js_error)
}

/// Reads an options object; `undefined` and `null` give the defaults.
fn options_from_js<T: DeserializeOwned + Default>(value: Option<JsValue>) -> Result<T, JsValue> {
    let Some(value) = value.filter(|value| !value.is_undefined() && !value.is_null()) else {
        return Ok(T::default());
    };
    json_from_js(value)
        .and_then(|json| serde_json::from_value(json).map_err(|error| error.to_string()))
        .map_err(|message| {
            to_js_error(Error::new(
                ErrorCode::InvalidOption,
                format!("options: {message}"),
            ))
        })
}

/// Converts a JavaScript value into JSON. Going through JSON, rather than deserializing the
/// target type from the object directly, makes `deny_unknown_fields` reject unknown keys:
/// serde-wasm-bindgen reads only the fields a struct declares.
fn json_from_js(value: JsValue) -> Result<serde_json::Value, String> {
    serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
}

/// Converts a value into plain JavaScript objects and arrays.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    // This fails only for an integer above 2^53. The largest the core writes is a byte count
    // below its 32 MiB input limit.
    value.serialize(&serializer).map_err(JsValue::from)
}
