//! The `sitrep` binary: parse arguments, run the command, map the outcome to an exit code.

mod args;
mod args_actors;
mod args_code;
mod args_dict;
mod args_nlp;
mod args_store;
mod args_worker;
mod commands;
mod run;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let result = match cli.command {
        args::Command::Extract(a) => commands::extract::run(a),
        args::Command::Dict(args_dict::DictCommand::Lint(a)) => commands::dict::lint(a),
        args::Command::Eval(e) => match e.command {
            Some(args::EvalCommand::Extraction(a)) => commands::eval::extraction(a),
            Some(args::EvalCommand::Parser(a)) => commands::parse::eval_parser(a),
            Some(args::EvalCommand::Events(a)) => commands::eval_events::run(a),
            None => commands::eval_events::run(e.events),
        },
        args::Command::Code(a) => commands::code::run(a),
        args::Command::Parse(a) => commands::parse::run(a),
        args::Command::Actors(a) => commands::actors::run(a),
        args::Command::Train(t) => commands::parse::train(t),
        args::Command::Ingest(a) => commands::ingest::run(a),
        args::Command::Query(a) => commands::query::run(a),
        args::Command::Stats(a) => commands::stats::run(a),
        args::Command::Export(a) => commands::export::run(a),
        args::Command::Serve(a) => commands::serve::run(a),
        args::Command::Worker(c) => commands::worker::run(c),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("sitrep: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
