//! Removes what pasting adds around tool output: Markdown fences, blockquote and comment
//! markers, backticks and bold markers, HTML tags and entities, carriage returns.
//!
//! The result keeps one output line per input line, except that `<br>` and block tags such
//! as `<p>` start a new line, so line numbers in errors match the text the user pasted
//! unless it was HTML. Shell prompts are left in place: each reader looks for its own
//! patterns inside a line, and removing prompts would need a guess at every shell's prompt.

/// Cleans a whole text; see the module documentation.
pub(crate) fn clean_text(text: &str) -> String {
    // Whole-text checks first, so most lines of a large paste skip the per-line searches.
    let features = Features {
        ansi: text.contains('\u{1b}'),
        html: text.contains('&') || text.contains('<'),
        fences: text.contains("```"),
    };
    let mut cleaned = String::with_capacity(text.len());
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            cleaned.push('\n');
        }
        clean_line_into(line, features, &mut cleaned);
    }
    cleaned
}

/// Markup found anywhere in a text, so that lines of a text without it skip the searches.
#[derive(Clone, Copy)]
struct Features {
    /// ANSI escape sequences, which `az` prints to colour JSON in a terminal.
    ansi: bool,
    html: bool,
    fences: bool,
}

fn clean_line_into(line: &str, features: Features, output: &mut String) {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let without_ansi;
    let line = if features.ansi && line.contains('\u{1b}') {
        without_ansi = strip_ansi(line);
        without_ansi.as_str()
    } else {
        line
    };
    if features.html && (line.contains('&') || line.contains('<')) {
        // `<br>` and block tags break lines that a web page showed as several.
        let decoded = decode_html(line);
        for (index, part) in decoded.split('\n').enumerate() {
            if index > 0 {
                output.push('\n');
            }
            clean_markup_free_line_into(part, features, output);
        }
    } else {
        clean_markup_free_line_into(line, features, output);
    }
}

fn clean_markup_free_line_into(line: &str, features: Features, output: &mut String) {
    let line = strip_markers(line);
    // Searching for one byte first is much cheaper per line than searching for three.
    if features.fences && line.contains('`') && line.contains("```") {
        output.push_str(&remove_fences(line));
    } else {
        output.push_str(line);
    }
}

/// Removes ANSI escape sequences: CSI (`ESC [` ... a final byte from `@` to `~`), OSC
/// (`ESC ]` ... BEL or `ESC \`), and two-character escapes.
fn strip_ansi(line: &str) -> String {
    let mut output = String::with_capacity(line.len());
    let mut characters = line.chars().peekable();
    while let Some(character) = characters.next() {
        if character != '\u{1b}' {
            output.push(character);
            continue;
        }
        match characters.next() {
            Some('[') => {
                for next in characters.by_ref() {
                    if ('@'..='~').contains(&next) {
                        break;
                    }
                }
            }
            Some(']') => {
                while let Some(next) = characters.next() {
                    if next == '\u{7}' {
                        break;
                    }
                    if next == '\u{1b}' && characters.peek() == Some(&'\\') {
                        characters.next();
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    output
}

/// Strips blockquote (`>`), comment (`#` followed by a space) and bold (`**`) markers and
/// backticks from both ends of a line, keeping the indentation that is left.
fn strip_markers(line: &str) -> &str {
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start();
        let next = if let Some(after) = trimmed.strip_prefix('>') {
            after
        } else if let Some(after) = trimmed.strip_prefix("# ") {
            after
        } else if trimmed == "#" {
            ""
        } else if let Some(after) = trimmed.strip_prefix("**") {
            after
        } else if let Some(after) = trimmed
            .strip_prefix('`')
            .filter(|_| !trimmed.starts_with("```"))
        {
            after
        } else {
            break;
        };
        rest = next;
    }
    let mut end = rest.trim_end();
    loop {
        let next = if let Some(before) = end.strip_suffix("**") {
            before
        } else if let Some(before) = end.strip_suffix('`').filter(|_| !end.ends_with("```")) {
            before
        } else {
            break;
        };
        end = next.trim_end();
    }
    end
}

/// Removes Markdown code fences (```` ``` ```` with an optional language word after an opening one).
fn remove_fences(line: &str) -> String {
    let mut output = String::with_capacity(line.len());
    let mut rest = line;
    // True while only whitespace precedes the fences seen so far: the fence opens a block.
    let mut opening = true;
    while let Some(position) = rest.find("```") {
        let before = rest.get(..position).unwrap_or("");
        output.push_str(before);
        opening &= before.trim().is_empty();
        rest = rest.get(position + 3..).unwrap_or("");
        // A language word directly after an opening fence (```json) belongs to the fence.
        if opening {
            let word_length = rest
                .bytes()
                .take_while(|byte| byte.is_ascii_alphanumeric() || *byte == b'-')
                .count();
            rest = rest.get(word_length..).unwrap_or("");
        }
    }
    output.push_str(rest);
    output
}

/// HTML tags that pasted output carries; other text in angle brackets is kept.
const HTML_TAGS: [&str; 22] = [
    "br",
    "p",
    "div",
    "span",
    "code",
    "pre",
    "b",
    "i",
    "em",
    "strong",
    "tt",
    "kbd",
    "samp",
    "li",
    "ul",
    "ol",
    "td",
    "tr",
    "th",
    "table",
    "blockquote",
    "a",
];

/// Decodes the common HTML entities and removes the tags in [`HTML_TAGS`].
fn decode_html(line: &str) -> String {
    let mut output = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(position) = rest.find(['&', '<']) {
        output.push_str(rest.get(..position).unwrap_or(""));
        rest = rest.get(position..).unwrap_or("");
        if rest.starts_with('&') {
            match decode_entity(rest) {
                Some((character, length)) => {
                    output.push(character);
                    rest = rest.get(length..).unwrap_or("");
                }
                None => {
                    output.push('&');
                    rest = rest.get(1..).unwrap_or("");
                }
            }
        } else {
            match html_tag_length(rest) {
                Some(length) => {
                    let tag = rest.get(..length).unwrap_or("");
                    if breaks_line(tag) {
                        output.push('\n');
                    }
                    rest = rest.get(length..).unwrap_or("");
                }
                None => {
                    output.push('<');
                    rest = rest.get(1..).unwrap_or("");
                }
            }
        }
    }
    output.push_str(rest);
    output
}

/// True for `<br>`, `<br/>` and the tags that open or close a block: `p`, `div`, `li`, `tr`.
fn breaks_line(tag: &str) -> bool {
    let name: String = tag
        .trim_start_matches(['<', '/'])
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(name.as_str(), "br" | "p" | "div" | "li" | "tr")
}

/// Reads an entity at the start of `text`; returns the character and the entity's length.
fn decode_entity(text: &str) -> Option<(char, usize)> {
    // Entities are short; looking further would make a line of `&` quadratic.
    let end = text.bytes().take(12).position(|byte| byte == b';')?;
    let name = text.get(1..end)?;
    let character = match name {
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((character, end + 1))
}

/// Longest HTML tag removed, in bytes, attributes included.
const MAX_TAG_BYTES: usize = 256;

/// Length of an HTML tag from [`HTML_TAGS`] at the start of `text`, such as `<br>`,
/// `</code>` or `<a href="...">`.
fn html_tag_length(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('<')?;
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    let name_length = inner
        .bytes()
        .take_while(|byte| byte.is_ascii_alphabetic())
        .count();
    let name = inner.get(..name_length)?;
    if !HTML_TAGS.iter().any(|tag| tag.eq_ignore_ascii_case(name)) {
        return None;
    }
    let after_name = inner.get(name_length..)?;
    if !after_name.starts_with(['>', ' ', '/']) {
        return None;
    }
    // Tags in pasted output are short; a bounded search keeps a line of `<br` linear.
    let close = text
        .bytes()
        .take(MAX_TAG_BYTES)
        .position(|byte| byte == b'>')?;
    Some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cleans and trims each line, since indentation is kept on purpose.
    fn clean_lines(text: &str) -> Vec<String> {
        clean_text(text)
            .split('\n')
            .map(|line| line.trim().to_owned())
            .collect()
    }

    #[test]
    fn fences_and_blockquotes_removed() {
        let text = "> ```json\n> {\n>     \"a\": 1\n> }\n> ```";
        assert_eq!(clean_lines(text), ["", "{", "\"a\": 1", "}", ""]);
    }

    #[test]
    fn html_and_backticks_removed() {
        let line = "    `openjdk version &quot;17.0.10&quot; 2024-01-16 LTS`<br>";
        assert_eq!(
            clean_lines(line),
            ["openjdk version \"17.0.10\" 2024-01-16 LTS", ""]
        );
        assert_eq!(clean_lines("a<br>b<p>c</p>"), ["a", "b", "c", ""]);
    }

    #[test]
    fn comment_and_bold_markers_removed() {
        assert_eq!(
            clean_lines("#   \"azure-cli\": \"2.78.0\","),
            ["\"azure-cli\": \"2.78.0\","]
        );
        assert_eq!(
            clean_lines("**telemetry      1.0.5 ***"),
            ["telemetry      1.0.5 *"]
        );
        assert_eq!(clean_lines("**Errors:**```"), ["Errors:**"]);
    }

    #[test]
    fn ansi_colours_removed() {
        let line = "\u{1b}[94m\"azure-cli\"\u{1b}[0m: \u{1b}[93m\"2.61.0\"\u{1b}[0m,";
        assert_eq!(clean_lines(line), ["\"azure-cli\": \"2.61.0\","]);
        assert_eq!(clean_lines("a\u{1b}]0;title\u{7}b\u{1b}"), ["ab"]);
    }

    #[test]
    fn line_count_kept() {
        let text = "a\r\n```\nb\n\n> c";
        assert_eq!(clean_text(text).split('\n').count(), 5);
    }

    #[test]
    fn other_angle_brackets_kept() {
        assert_eq!(clean_lines("{{< output >}}"), ["{{< output >}}"]);
        assert_eq!(
            clean_lines("C:\\Users\\user>java -version"),
            ["C:\\Users\\user>java -version"]
        );
    }
}
