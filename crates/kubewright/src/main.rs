//! The `kubewright` command line; all the work is in [`kubewright::cli`].

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(("check", rest)) = args.split_first().map(|(c, r)| (c.as_str(), r)) {
        let (out, code) = kubewright::cli::check(rest);
        let _ = std::io::stdout().write_all(out.as_bytes());
        return ExitCode::from(code as u8);
    }
    match kubewright::cli::run(&args) {
        Ok(out) => {
            // A closed pipe (`kubewright render | head`) is not an error worth a panic.
            let _ = std::io::stdout().write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("kubewright: {message}");
            ExitCode::from(2)
        }
    }
}
