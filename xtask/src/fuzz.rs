//! `cargo xtask fuzz [--cases N] [--seed S] [--case I] [--native-only]`: the decode fuzzer.
//!
//! 1. `webwork-fuzz` (crates/fuzz, native-release): N cases through every native reader (the
//!    typed output of every operation, the npm package's wasm half, the exports, the widgets'
//!    readers), each under catch_unwind and a CPU-time limit;
//! 2. the npm package (`cargo xtask npm`, unpacked into web/tests/node_modules) in Node: the same
//!    N cases (`webwork-fuzz --emit`, piped) through web/src/index.js and its wasm
//!    (web/tests/fuzz.mjs, a scripted `fetch` answering each case's body).
//!
//! `--case I` prints case I of seed S (whole body) to reproduce a failure. `cargo xtask test`
//! runs a short run ([`TEST_CASES`]); the bench run is `cargo xtask fuzz --cases 1000000`.

use crate::util::{self, cmd, root, Result};
use std::process::Stdio;

/// Cases of the run in `cargo xtask test`: well under a minute of each half.
pub const TEST_CASES: u64 = 20_000;

struct Options {
    cases: u64,
    seed: u64,
    case: Option<u64>,
    native_only: bool,
}

fn parse(args: &[String]) -> Result<Options> {
    let mut o = Options { cases: TEST_CASES, seed: 1, case: None, native_only: false };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut number = |name: &str| -> Result<u64> {
            let v = it.next().ok_or(format!("fuzz: {name} needs a number"))?;
            v.replace('_', "").parse().map_err(|_| format!("fuzz: {name} must be a whole number, not {v:?}"))
        };
        match flag.as_str() {
            "--cases" => o.cases = number("--cases")?,
            "--seed" => o.seed = number("--seed")?,
            "--case" => o.case = Some(number("--case")?),
            "--native-only" => o.native_only = true,
            other => return Err(format!("fuzz: unknown argument {other:?} (--cases N, --seed S, --case I, --native-only)")),
        }
    }
    Ok(o)
}

pub fn run(args: &[String]) -> Result {
    let o = parse(args)?;
    if o.case.is_none() && !o.native_only {
        crate::setup::run()?;
    }
    fuzz(&o)
}

/// The step of `cargo xtask test`: both halves, [`TEST_CASES`] cases, seed 1.
pub fn test_suite() -> Result<Option<String>> {
    fuzz(&Options { cases: TEST_CASES, seed: 1, case: None, native_only: false })?;
    Ok(None)
}

fn fuzz(o: &Options) -> Result {
    util::run(cmd("cargo").args(["build", "--profile", "native-release", "-p", "webwork-fuzz"]))?;
    let fuzzer = util::release_binary("webwork-fuzz");
    let (seed, cases) = (o.seed.to_string(), o.cases.to_string());
    if let Some(index) = o.case {
        return util::run(cmd(&fuzzer).args(["--seed", &seed, "--case", &index.to_string()]));
    }
    util::run(cmd(&fuzzer).args(["--cases", &cases, "--seed", &seed]))?;
    if o.native_only {
        return Ok(());
    }

    let built = crate::npm::build()?;
    let tests = root().join("web/tests");
    crate::npm::install_into(&tests, &built)?;
    let mut emit = cmd(&fuzzer);
    emit.args(["--emit", "--cases", &cases, "--seed", &seed]).stdout(Stdio::piped());
    println!("$ {} | node fuzz.mjs --seed {seed}", util::describe(&emit));
    let mut producer = emit.spawn().map_err(|e| format!("could not start webwork-fuzz: {e}"))?;
    let stdin = producer.stdout.take().ok_or("webwork-fuzz has no stdout")?;
    let node = cmd("node")
        .current_dir(&tests)
        .args(["fuzz.mjs", "--seed", &seed])
        .env("WEBWORK_FIXTURES", &built.fixtures)
        .stdin(Stdio::from(stdin))
        .status()
        .map_err(|e| format!("could not start node: {e}"));
    // Node may stop early (a failure); the producer then ends on a broken pipe.
    let produced = producer.wait().map_err(|e| format!("waiting for webwork-fuzz: {e}"))?;
    let node = node?;
    if !node.success() {
        return Err(format!("fuzz: the npm package failed under fuzzed answers ({node}); see the cases above"));
    }
    if !produced.success() {
        return Err(format!("fuzz: webwork-fuzz --emit failed ({produced})"));
    }
    Ok(())
}
