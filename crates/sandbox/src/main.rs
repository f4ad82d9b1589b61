use webwork_core::cli;
use webwork_sandbox::config::{Args, Config};

fn main() {
    let config = cli::parse_or_exit(|args: Args| Ok(Config::from(args)));
    // Two worker threads: the machine this runs on is small, and SQLite serialises writes anyway.
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build();
    let result = match runtime {
        Ok(rt) => rt.block_on(webwork_sandbox::server::serve(config)),
        Err(e) => Err(e.to_string()),
    };
    cli::exit_on_error("webwork-sandbox", result);
}
