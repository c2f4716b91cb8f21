//! Terminal colour, only where it helps: on a terminal, and never when `NO_COLOR` is set.

use std::io::IsTerminal;
use std::sync::OnceLock;

use crossterm::style::{Color, Stylize};

fn enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED
        .get_or_init(|| std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal())
}

fn paint(text: &str, color: Color) -> String {
    if enabled() {
        text.with(color).to_string()
    } else {
        text.to_owned()
    }
}

pub fn good(text: &str) -> String {
    paint(text, Color::Green)
}

pub fn bad(text: &str) -> String {
    paint(text, Color::Red)
}

pub fn warn(text: &str) -> String {
    paint(text, Color::Yellow)
}

pub fn dim(text: &str) -> String {
    paint(text, Color::DarkGrey)
}

pub fn bold(text: &str) -> String {
    if enabled() {
        text.bold().to_string()
    } else {
        text.to_owned()
    }
}
