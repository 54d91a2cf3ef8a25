//! A tolerant reader for JSON as users paste it: with prose around it, `//` comments, a
//! missing value (`"extensions":` followed by `}`), the start cut off, or the end cut off.
//!
//! Strict JSON parsers stop at the first such flaw and return nothing, but most of these
//! pastes still carry the values a check needs. This reader walks the text once, without
//! recursion, and records every scalar with the path of keys that leads to it. Text outside
//! any object is skipped. Closing brackets with no matching opening bracket (the paste
//! started in the middle) are skipped, so paths are relative to the outermost object seen.
//! A long base64 string wrapped over several lines is joined again.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::{Error, ErrorCode};

/// Deepest nesting of objects and arrays read; deeper input is rejected.
pub(crate) const MAX_DEPTH: usize = 128;

/// A value found at a path.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    /// A string, borrowed from the input unless it had escapes or was wrapped.
    String(Cow<'a, str>),
    /// A number, kept as written.
    Number(&'a str),
    Bool(bool),
    Null,
    /// The start of an object; its members follow as their own entries.
    Object,
    /// The start of an array; its items follow with the path segment `[]`.
    Array,
    /// A key followed by no value, as in `"extensions": }`.
    Missing,
}

/// One value, its key, and the entry of the object or array that contains it.
///
/// Paths are kept as links to the parent entry, not as strings, so that memory and time stay
/// linear in the input even for long keys at deep nesting.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry<'a> {
    /// The key, or `[]` for an array item.
    pub key: Cow<'a, str>,
    pub value: Value<'a>,
    /// Index of the entry that opened the containing object or array; None at the outermost
    /// level. Objects without a key (the outermost one, or prose such as `Content : {`)
    /// have no entry, so their members belong to the level around them.
    pub parent: Option<usize>,
}

/// The keyed values found in a pasted text, and the flaws worked around.
#[derive(Debug, Default)]
pub(crate) struct JsonDocument<'a> {
    pub entries: Vec<Entry<'a>>,
    /// Flaws that were worked around, for a warning: comments, missing values, cut-off ends.
    pub repairs: Vec<String>,
    /// 1-based line of the last token read, for errors that report where reading stopped.
    pub last_line: usize,
    /// First and last entry index for each key hash, so each query reads only the entries
    /// with its key instead of every entry. Lookups compare the keys, so collisions cost
    /// time only.
    by_key: HashMap<u64, (usize, usize), BuildHasherDefault<PassThroughHasher>>,
    /// For each entry, the next entry whose key has the same hash, or `usize::MAX`.
    next_same_key: Vec<usize>,
}

/// FNV-1a: fast for short keys.
fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A hasher for keys that are already hashes: it passes the `u64` through.
#[derive(Default)]
struct PassThroughHasher(u64);

impl Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 << 8) | u64::from(*byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

impl<'a> JsonDocument<'a> {
    /// Describes the flaws that were worked around, for a warning; None for valid JSON.
    pub fn repair_warning(&self) -> Option<String> {
        (!self.repairs.is_empty()).then(|| {
            format!(
                "The JSON is not valid: {}. The values that could be read were used.",
                self.repairs.join("; ")
            )
        })
    }

    /// True when the keys leading to entry `index` are `segments`, or end with them when
    /// `exact` is false.
    fn path_matches(&self, index: usize, segments: &[&str], exact: bool) -> bool {
        let mut current = Some(index);
        for segment in segments.iter().rev() {
            let Some(entry) = current.and_then(|index| self.entries.get(index)) else {
                return false;
            };
            if entry.key != *segment {
                return false;
            }
            current = entry.parent;
        }
        !exact || current.is_none()
    }

    /// Indices of the entries whose key is `key`, in order.
    fn with_key<'s>(&'s self, key: &'s str) -> impl Iterator<Item = usize> + 's {
        let first = self
            .by_key
            .get(&key_hash(key))
            .map_or(usize::MAX, |(first, _)| *first);
        std::iter::successors(Some(first), |index| self.next_same_key.get(*index).copied())
            .take_while(|index| *index != usize::MAX)
            .filter(move |index| {
                self.entries
                    .get(*index)
                    .is_some_and(|entry| entry.key == key)
            })
    }

    /// Index of the first entry whose path is `path` (keys joined with `.`), or failing that
    /// whose path ends with it.
    fn find(&self, path: &str) -> Option<usize> {
        let segments: Vec<&str> = path.split('.').collect();
        let last = segments.last().copied().unwrap_or_default();
        self.with_key(last)
            .find(|index| self.path_matches(*index, &segments, true))
            .or_else(|| {
                self.with_key(last)
                    .find(|index| self.path_matches(*index, &segments, false))
            })
    }

    /// Returns the first value at `path` (see [`JsonDocument::find`]).
    pub fn get(&self, path: &str) -> Option<&Value<'a>> {
        self.find(path)
            .and_then(|index| self.entries.get(index))
            .map(|entry| &entry.value)
    }

    /// Returns the first value whose path is exactly `path`, from the outermost object.
    pub fn get_exact(&self, path: &str) -> Option<&Value<'a>> {
        let segments: Vec<&str> = path.split('.').collect();
        let last = segments.last().copied().unwrap_or_default();
        self.with_key(last)
            .find(|index| self.path_matches(*index, &segments, true))
            .and_then(|index| self.entries.get(index))
            .map(|entry| &entry.value)
    }

    /// Returns the first string value at `path` (see [`JsonDocument::find`]).
    pub fn string(&self, path: &str) -> Option<&str> {
        match self.get(path) {
            Some(Value::String(text)) => Some(text.as_ref()),
            _ => None,
        }
    }

    /// Returns the first of `paths` that has a string value.
    pub fn first_string(&self, paths: &[&str]) -> Option<&str> {
        paths.iter().find_map(|path| self.string(path))
    }

    /// True when any key in the document is `key`.
    pub fn has_key(&self, key: &str) -> bool {
        self.with_key(key).next().is_some()
    }

    /// Returns the string members of the object or array that starts at `path`, in order,
    /// or None when `path` is not an object or array of the expected kind.
    fn members(&self, path: &str, container: &Value) -> Option<Vec<(&str, &str)>> {
        let index = self.find(path)?;
        if self.entries.get(index).map(|entry| &entry.value) != Some(container) {
            return None;
        }
        Some(
            self.entries
                .iter()
                .skip(index + 1)
                .filter(|entry| entry.parent == Some(index))
                .filter_map(|entry| match &entry.value {
                    Value::String(text) => Some((entry.key.as_ref(), text.as_ref())),
                    _ => None,
                })
                .collect(),
        )
    }

    /// Returns the string items of the array that starts at `path`.
    pub fn array_strings(&self, path: &str) -> Option<Vec<String>> {
        let items = self.members(path, &Value::Array)?;
        Some(items.into_iter().map(|(_, text)| text.to_owned()).collect())
    }

    /// Returns the string members of the object that starts at `path`, in order.
    pub fn object_strings(&self, path: &str) -> Option<Vec<(String, String)>> {
        let members = self.members(path, &Value::Object)?;
        Some(
            members
                .into_iter()
                .map(|(key, text)| (key.to_owned(), text.to_owned()))
                .collect(),
        )
    }
}

enum Token<'a> {
    String(Cow<'a, str>),
    Bare(&'a str),
    Open(u8),
    Close(u8),
    Colon,
    Comma,
}

struct Tokenizer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    position: usize,
    line: usize,
    comments: usize,
}

fn is_base64_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'=' | b'-' | b'_')
}

fn is_bare_byte(byte: u8) -> bool {
    !(byte.is_ascii_whitespace() || matches!(byte, b'{' | b'}' | b'[' | b']' | b':' | b',' | b'"'))
}

impl<'a> Tokenizer<'a> {
    fn new(text: &'a str) -> Self {
        Tokenizer {
            text,
            bytes: text.as_bytes(),
            position: 0,
            line: 1,
            comments: 0,
        }
    }

    fn next_token(&mut self) -> Option<Token<'a>> {
        loop {
            let byte = *self.bytes.get(self.position)?;
            match byte {
                b'\n' => {
                    self.line += 1;
                    self.position += 1;
                }
                b' ' | b'\t' | b'\r' => self.position += 1,
                b'/' if self.bytes.get(self.position + 1) == Some(&b'/') => {
                    self.comments += 1;
                    self.skip_to_line_end();
                }
                b'/' if self.bytes.get(self.position + 1) == Some(&b'*') => {
                    self.comments += 1;
                    self.skip_block_comment();
                }
                b'{' | b'[' => {
                    self.position += 1;
                    return Some(Token::Open(byte));
                }
                b'}' | b']' => {
                    self.position += 1;
                    return Some(Token::Close(byte));
                }
                b':' => {
                    self.position += 1;
                    return Some(Token::Colon);
                }
                b',' => {
                    self.position += 1;
                    return Some(Token::Comma);
                }
                b'"' => {
                    if let Some(text) = self.read_string() {
                        return Some(Token::String(text));
                    }
                }
                _ => {
                    let start = self.position;
                    while self
                        .bytes
                        .get(self.position)
                        .is_some_and(|byte| is_bare_byte(*byte))
                        && !self
                            .bytes
                            .get(self.position..)
                            .is_some_and(|rest| rest.starts_with(b"//"))
                    {
                        self.position += 1;
                    }
                    if self.position == start {
                        self.position += 1;
                        continue;
                    }
                    // Bare bytes stop only at ASCII bytes, so both ends are char boundaries.
                    let word = self.text.get(start..self.position).unwrap_or("");
                    return Some(Token::Bare(word));
                }
            }
        }
    }

    fn skip_to_line_end(&mut self) {
        while self
            .bytes
            .get(self.position)
            .is_some_and(|byte| *byte != b'\n')
        {
            self.position += 1;
        }
    }

    fn skip_block_comment(&mut self) {
        self.position += 2;
        while let Some(byte) = self.bytes.get(self.position) {
            if *byte == b'*' && self.bytes.get(self.position + 1) == Some(&b'/') {
                self.position += 2;
                return;
            }
            if *byte == b'\n' {
                self.line += 1;
            }
            self.position += 1;
        }
    }

    /// Reads a string after its opening quote. Returns None (and skips the rest of the line)
    /// for a string that a line break cuts, unless it is base64 wrapped onto the next line.
    fn read_string(&mut self) -> Option<Cow<'a, str>> {
        self.position += 1;
        // Most strings have no escape and no line break: borrow them from the input.
        let start = self.position;
        while self
            .bytes
            .get(self.position)
            .is_some_and(|byte| !matches!(byte, b'"' | b'\\' | b'\n'))
        {
            self.position += 1;
        }
        if self.bytes.get(self.position) == Some(&b'"') {
            let text = self.text.get(start..self.position)?;
            self.position += 1;
            return Some(Cow::Borrowed(text));
        }
        self.position = start;
        self.read_string_slowly().map(Cow::Owned)
    }

    fn read_string_slowly(&mut self) -> Option<String> {
        let mut value = String::new();
        let mut all_base64 = true;
        loop {
            let run_start = self.position;
            while self
                .bytes
                .get(self.position)
                .is_some_and(|byte| !matches!(byte, b'"' | b'\\' | b'\n'))
            {
                self.position += 1;
            }
            let run = self.text.get(run_start..self.position).unwrap_or("");
            if all_base64 && !run.bytes().all(is_base64_byte) {
                all_base64 = false;
            }
            value.push_str(run);
            match self.bytes.get(self.position) {
                None => return None,
                Some(b'"') => {
                    self.position += 1;
                    return Some(value);
                }
                Some(b'\\') => {
                    self.position += 1;
                    self.read_escape(&mut value);
                    all_base64 = false;
                }
                Some(_) => {
                    // A line break inside a string: join a wrapped base64 value, else give up.
                    let next_line_start = self.position + 1;
                    let mut next = next_line_start;
                    while self
                        .bytes
                        .get(next)
                        .is_some_and(|b| *b == b' ' || *b == b'\t')
                    {
                        next += 1;
                    }
                    let continues = all_base64
                        && !value.is_empty()
                        && self.bytes.get(next).is_some_and(|b| is_base64_byte(*b));
                    self.line += 1;
                    self.position = if continues { next } else { next_line_start };
                    if !continues {
                        return None;
                    }
                }
            }
        }
    }

    fn read_escape(&mut self, value: &mut String) {
        let Some(&escape) = self.bytes.get(self.position) else {
            return;
        };
        self.position += 1;
        let character = match escape {
            b'n' => '\n',
            b't' => '\t',
            b'r' => '\r',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'u' => {
                let code = self
                    .text
                    .get(self.position..self.position + 4)
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok());
                match code {
                    Some(code) => {
                        self.position += 4;
                        char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
                    }
                    None => char::REPLACEMENT_CHARACTER,
                }
            }
            b'\n' => {
                self.line += 1;
                return;
            }
            other if other.is_ascii() => char::from(other),
            _ => {
                // Back up so the multi-byte character is read as part of the next run.
                self.position -= 1;
                return;
            }
        };
        value.push(character);
    }
}

enum Frame<'a> {
    Object { pending_key: Option<Cow<'a, str>> },
    Array,
}

struct Builder<'a> {
    document: JsonDocument<'a>,
    /// Open objects and arrays, each with the entry its members belong to.
    stack: Vec<(Frame<'a>, Option<usize>)>,
    /// Key read at the outermost level, outside any object: the paste started mid-object.
    root_key: Option<Cow<'a, str>>,
    missing_values: usize,
    unmatched_closers: usize,
}

impl<'a> Builder<'a> {
    fn pending_key(&mut self) -> Option<&mut Option<Cow<'a, str>>> {
        match self.stack.last_mut() {
            Some((Frame::Object { pending_key }, _)) => Some(pending_key),
            Some((Frame::Array, _)) => None,
            None => Some(&mut self.root_key),
        }
    }

    fn in_array(&self) -> bool {
        matches!(self.stack.last(), Some((Frame::Array, _)))
    }

    fn parent(&self) -> Option<usize> {
        self.stack.last().and_then(|(_, parent)| *parent)
    }

    /// Key for a value read now, or None when the value has no key (prose, a stray value).
    fn take_key(&mut self) -> Option<Cow<'a, str>> {
        if self.in_array() {
            Some(Cow::Borrowed("[]"))
        } else {
            self.pending_key().and_then(Option::take)
        }
    }

    /// Records a value under the current key; returns its index, or None for a keyless value.
    fn push_value(&mut self, value: Value<'a>) -> Option<usize> {
        let key = self.take_key()?;
        let parent = self.parent();
        self.document.entries.push(Entry { key, value, parent });
        Some(self.document.entries.len() - 1)
    }

    fn close_pending_without_value(&mut self) {
        if let Some(key) = self.pending_key().and_then(Option::take) {
            self.missing_values += 1;
            let parent = self.parent();
            self.document.entries.push(Entry {
                key,
                value: Value::Missing,
                parent,
            });
        }
    }
}

/// Reads every keyed value in `text`. Errors only when nesting exceeds [`MAX_DEPTH`].
pub(crate) fn scan(text: &str) -> Result<JsonDocument<'_>, Error> {
    let mut tokenizer = Tokenizer::new(text);
    let mut builder = Builder {
        document: JsonDocument {
            // An estimate that saves most regrowing: pasted JSON has a value every 32 bytes or so.
            entries: Vec::with_capacity(text.len() / 32),
            ..JsonDocument::default()
        },
        stack: Vec::new(),
        root_key: None,
        missing_values: 0,
        unmatched_closers: 0,
    };
    let mut lookahead: Option<Token> = None;
    let mut comments_seen = 0;
    let mut comments_inside = 0;
    loop {
        let token = match lookahead.take() {
            Some(token) => token,
            None => match tokenizer.next_token() {
                Some(token) => token,
                None => break,
            },
        };
        builder.document.last_line = tokenizer.line;
        // Comments outside any object are prose around the JSON (such as a URL), not a flaw.
        if tokenizer.comments > comments_seen {
            if !builder.stack.is_empty() {
                comments_inside += tokenizer.comments - comments_seen;
            }
            comments_seen = tokenizer.comments;
        }
        match token {
            Token::String(text) => {
                if builder.in_array() {
                    builder.push_value(Value::String(text));
                    continue;
                }
                let next = tokenizer.next_token();
                if matches!(next, Some(Token::Colon)) {
                    builder.close_pending_without_value();
                    if let Some(slot) = builder.pending_key() {
                        *slot = Some(text);
                    }
                } else {
                    builder.push_value(Value::String(text));
                    lookahead = next;
                }
            }
            Token::Bare(word) => {
                let value = match word {
                    "true" => Some(Value::Bool(true)),
                    "false" => Some(Value::Bool(false)),
                    "null" => Some(Value::Null),
                    _ if is_number(word) => Some(Value::Number(word)),
                    _ => None,
                };
                match value {
                    Some(value) => {
                        builder.push_value(value);
                    }
                    // A bare word after a key is not JSON; the key has no readable value.
                    None => builder.close_pending_without_value(),
                }
            }
            Token::Open(bracket) => {
                if builder.stack.len() >= MAX_DEPTH {
                    return Err(Error::new(
                        ErrorCode::InvalidInput,
                        format!(
                            "the JSON is nested deeper than {MAX_DEPTH} levels at line {}; this is not output of the tools this product reads",
                            tokenizer.line
                        ),
                    ));
                }
                let (frame, value) = if bracket == b'{' {
                    (Frame::Object { pending_key: None }, Value::Object)
                } else {
                    (Frame::Array, Value::Array)
                };
                // A keyless object (the outermost one, or prose such as `Content : {`) adds no
                // level: its members belong to the level around it.
                let parent = builder.push_value(value).or_else(|| builder.parent());
                builder.stack.push((frame, parent));
            }
            Token::Close(bracket) => {
                builder.close_pending_without_value();
                match builder.stack.pop() {
                    Some((frame, _)) => {
                        let matches = matches!(
                            (&frame, bracket),
                            (Frame::Object { .. }, b'}') | (Frame::Array, b']')
                        );
                        if !matches {
                            builder.unmatched_closers += 1;
                        }
                    }
                    None => builder.unmatched_closers += 1,
                }
            }
            Token::Colon => {}
            Token::Comma => builder.close_pending_without_value(),
        }
    }
    builder.close_pending_without_value();

    let mut document = builder.document;
    document.next_same_key = vec![usize::MAX; document.entries.len()];
    for (index, entry) in document.entries.iter().enumerate() {
        let chain = document
            .by_key
            .entry(key_hash(&entry.key))
            .or_insert((index, index));
        if chain.1 != index {
            if let Some(link) = document.next_same_key.get_mut(chain.1) {
                *link = index;
            }
            chain.1 = index;
        }
    }
    if builder.missing_values > 0 {
        document
            .repairs
            .push(format!("{} key(s) without a value", builder.missing_values));
    }
    if builder.unmatched_closers > 0 {
        document.repairs.push(
            "closing brackets without an opening one, so the paste may start in the middle"
                .to_owned(),
        );
    }
    if !builder.stack.is_empty() {
        document
            .repairs
            .push("objects left open, so the paste may be cut off".to_owned());
    }
    if comments_inside > 0 {
        document.repairs.push("comments".to_owned());
    }
    Ok(document)
}

fn is_number(word: &str) -> bool {
    let digits = word.strip_prefix('-').unwrap_or(word);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .bytes()
            .all(|byte| byte.is_ascii_digit() || matches!(byte, b'.' | b'e' | b'E' | b'+' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_nested_values() {
        let document =
            scan(r#"{"properties": {"sku": {"name": "premium"}, "ops": ["import"]}}"#).unwrap();
        assert_eq!(document.string("properties.sku.name"), Some("premium"));
        assert_eq!(document.string("sku.name"), Some("premium"));
        assert_eq!(
            document.array_strings("ops"),
            Some(vec!["import".to_owned()])
        );
        assert!(document.repairs.is_empty());
    }

    #[test]
    fn key_without_value_is_missing() {
        let document = scan("{ \"azure-cli\": \"2.48.0\", \n \"extensions\":\n} ").unwrap();
        assert_eq!(document.string("azure-cli"), Some("2.48.0"));
        assert_eq!(document.get("extensions"), Some(&Value::Missing));
        assert_eq!(document.repairs.len(), 1);
    }

    #[test]
    fn start_cut_off_and_prose_around() {
        let text = "log line one\n  \"get\"\n ],\n \"provisioningState\": \"Succeeded\"\n },\n \"type\": \"x\"\n}\n[2025] done";
        let document = scan(text).unwrap();
        assert_eq!(document.string("provisioningState"), Some("Succeeded"));
        assert_eq!(document.string("type"), Some("x"));
    }

    #[test]
    fn wrapped_base64_joined() {
        let document = scan("{\"n\": \"AAAA\n    BBBB\",\n \"e\": \"AQAB\"}").unwrap();
        assert_eq!(document.string("n"), Some("AAAABBBB"));
        assert_eq!(document.string("e"), Some("AQAB"));
    }

    #[test]
    fn deep_nesting_rejected() {
        let text = "[".repeat(MAX_DEPTH + 1);
        let error = scan(&text).unwrap_err();
        assert!(error.message.contains("nested deeper"), "{}", error.message);
    }
}
