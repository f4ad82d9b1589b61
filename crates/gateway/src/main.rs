use webwork_core::cli;
use webwork_gateway::config::{Args, Config};
use webwork_gateway::log::LogSink;
use webwork_gateway::{serve_on, shutdown_signal, Gateway};

fn main() {
    let config = cli::parse_or_exit(<Config as TryFrom<Args>>::try_from);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build();
    let result = match runtime {
        Ok(rt) => rt.block_on(async {
            let listener =
                tokio::net::TcpListener::bind(&config.addr).await.map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
            let addr = listener.local_addr().map_err(|e| e.to_string())?;
            let gw = Gateway::new(config)?;
            // The banner goes to stderr: stdout carries only the JSON access log.
            eprintln!("webwork-gateway listening on http://{addr}, forwarding /api/v2 to {}", gw.config.upstream);
            eprintln!(
                "  oauth: {}; widget service mode: {}",
                if gw.oauth.is_some() { "on" } else { "off" },
                if gw.service.is_some() { "on" } else { "off" }
            );
            serve_on(listener, gw, LogSink::stdout(), shutdown_signal()).await
        }),
        Err(e) => Err(e.to_string()),
    };
    cli::exit_on_error("webwork-gateway", result);
}
