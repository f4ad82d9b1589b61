//! `cargo xtask bench <name>`: a dispatcher for named benchmarks.
//!
//! Placeholder: no benchmark exists yet. The sandbox work adds entries to BENCHES (e.g. a load test of the
//! emulator, the pacer under contention); each is a name, a one-line description and a function.

use crate::util::Result;

struct Bench {
    name: &'static str,
    about: &'static str,
    run: fn(&[String]) -> Result,
}

const BENCHES: &[Bench] = &[];

pub fn run(args: &[String]) -> Result {
    let Some(name) = args.first() else {
        list();
        return Err("usage: cargo xtask bench <name>".into());
    };
    match BENCHES.iter().find(|bench| bench.name == name.as_str()) {
        Some(bench) => (bench.run)(&args[1..]),
        None => {
            println!("bench: '{name}' is not built yet: no benchmarks exist so far.");
            println!("bench: this dispatcher is a placeholder; the sandbox work will add benchmarks here.");
            list();
            Err(format!("unknown benchmark '{name}'"))
        }
    }
}

fn list() {
    if BENCHES.is_empty() {
        println!("bench: available benchmarks: (none yet)");
    } else {
        println!("bench: available benchmarks:");
        for bench in BENCHES {
            println!("  {:<20} {}", bench.name, bench.about);
        }
    }
}
