//! ANSI styling, off when colour is not wanted (NO_COLOR, or output is not a terminal).

/// Which styles to emit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Emit ANSI escape codes.
    pub color: bool,
}

impl Style {
    /// Colour when `is_terminal` and `NO_COLOR` is unset or empty (no-color.org).
    pub fn detect(is_terminal: bool) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: is_terminal && !no_color,
        }
    }

    fn wrap(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    /// Bold.
    pub fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    /// Dim.
    pub fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    /// Red (problems).
    pub fn red(&self, s: &str) -> String {
        self.wrap("31", s)
    }
    /// Green (agreement).
    pub fn green(&self, s: &str) -> String {
        self.wrap("32", s)
    }
    /// Yellow (attention).
    pub fn yellow(&self, s: &str) -> String {
        self.wrap("33", s)
    }
    /// Cyan (identifiers).
    pub fn cyan(&self, s: &str) -> String {
        self.wrap("36", s)
    }
}
