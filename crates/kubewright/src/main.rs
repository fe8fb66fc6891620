//! The `kubewright` command line: arguments, files, standard input and output. The library it calls
//! reads no files and prints nothing, so the page and this binary share one pure core.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match cli::run(cli::Cli::parse()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("kubewright: {message}");
            ExitCode::from(2)
        }
    }
}
