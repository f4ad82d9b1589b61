use webwork_sandbox::config::{Command, Config, USAGE};

fn main() {
    let config = match Config::parse(std::env::args().skip(1)) {
        Ok(Command::Run(c)) => *c,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return;
        }
        Err(e) => {
            eprintln!("webwork-sandbox: {e}");
            std::process::exit(2);
        }
    };
    // Two worker threads: the machine this runs on is small, and SQLite serialises writes anyway.
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build();
    let result = match runtime {
        Ok(rt) => rt.block_on(webwork_sandbox::server::serve(config)),
        Err(e) => Err(e.to_string()),
    };
    if let Err(e) = result {
        eprintln!("webwork-sandbox: {e}");
        std::process::exit(1);
    }
}
