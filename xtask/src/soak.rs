//! `cargo xtask bench soak [--minutes N] [--kill-every S]`: the sandbox's SIGKILL soak at length.
//!
//! It runs the sandbox test `durability::writes_under_repeated_sigkill_are_never_lost` (the real
//! binary on a SQLite file, 4 writers creating and updating projects, SIGKILL every S seconds,
//! then every acknowledged write checked in the file and through the API) for N minutes instead
//! of its short 40 s in `cargo xtask test`. One implementation, two lengths. Defaults: 10 minutes,
//! a kill every 30 s. Fails when any acknowledged write is lost.

use crate::util::{self, cmd, Result};

pub fn run(args: &[String]) -> Result {
    let (mut minutes, mut kill_every) = (10.0f64, 30u64);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--minutes" => {
                minutes = it.next().and_then(|v| v.parse().ok()).filter(|m: &f64| *m > 0.0).ok_or("--minutes needs a positive number")?;
            }
            "--kill-every" => {
                kill_every = it.next().and_then(|v| v.parse().ok()).filter(|s: &u64| *s >= 1).ok_or("--kill-every needs whole seconds")?;
            }
            other => return Err(format!("bench soak: unknown argument '{other}'")),
        }
    }
    let seconds = (minutes * 60.0).round() as u64;
    println!("bench soak: {seconds} s of writes, SIGKILL of the sandbox every {kill_every} s");
    util::run(
        cmd("cargo")
            .args(["test", "-p", "webwork-sandbox", "--test", "it", "durability::writes_under_repeated_sigkill_are_never_lost"])
            .args(["--", "--exact", "--nocapture"])
            .env("WEBWORK_SOAK_SECONDS", seconds.to_string())
            .env("WEBWORK_SOAK_KILL_EVERY", kill_every.to_string()),
    )
}
