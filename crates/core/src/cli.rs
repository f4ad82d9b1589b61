//! The native binaries' command line (feature `cli`): clap parses the flags into each binary's
//! args struct, the binary converts that into its `Config`, and both report a bad flag the same way.

use std::ffi::OsString;

use clap::Parser;

/// Why the flags gave no config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlagsError {
    /// `--help`: clap's text, for stdout.
    Help(String),
    /// A bad flag, value or combination, in one line (no `error:` prefix, no usage).
    Bad(String),
}

impl FlagsError {
    /// The message of a refusal; `None` for `--help`.
    pub fn into_bad(self) -> Option<String> {
        match self {
            FlagsError::Bad(message) => Some(message),
            FlagsError::Help(_) => None,
        }
    }
}

/// Parses `args` (program name first) into `A`, then `convert`s it; `convert`'s `Err` is a one-line message.
pub fn parse_from<A: Parser, C>(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    convert: impl FnOnce(A) -> Result<C, String>,
) -> Result<C, FlagsError> {
    match A::try_parse_from(args) {
        Ok(parsed) => convert(parsed).map_err(FlagsError::Bad),
        // use_stderr is false for --help only (the binaries have no --version).
        Err(e) if !e.use_stderr() => Err(FlagsError::Help(e.render().to_string())),
        Err(e) => Err(FlagsError::Bad(one_line(&e))),
    }
}

/// For `main`: the config of this process's flags. `--help` prints clap's help and exits 0; a bad
/// flag prints `PROGRAM: message` on stderr and exits 2.
pub fn parse_or_exit<A: Parser, C>(convert: impl FnOnce(A) -> Result<C, String>) -> C {
    match parse_from(std::env::args_os(), convert) {
        Ok(config) => config,
        Err(FlagsError::Help(text)) => {
            print!("{text}");
            std::process::exit(0)
        }
        Err(FlagsError::Bad(message)) => exit_with(2, message, A::command().get_name()),
    }
}

/// For `main`: a run that failed ends the process with status 1 and `PROGRAM: error` on stderr.
pub fn exit_on_error(program: &str, result: Result<(), String>) {
    if let Err(message) = result {
        exit_with(1, message, program);
    }
}

fn exit_with(status: i32, message: String, program: &str) -> ! {
    eprintln!("{program}: {message}");
    std::process::exit(status)
}

/// clap's message up to its usage block, on one line: "the following required arguments were not
/// provided: --upstream <URL>" rather than two lines and a usage.
fn one_line(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let message = text.split("\n\n").next().unwrap_or_default().trim();
    let message = message.strip_prefix("error:").unwrap_or(message);
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
