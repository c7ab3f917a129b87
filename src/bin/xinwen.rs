//! The xinwen command line: argument parsing and I/O only; every decision lives in the library.

use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Turn Chinese news pages into JSON: one Article per input, one line each, in input order.
#[derive(Parser, Debug)]
#[command(name = "xinwen", version, about, long_about = None)]
struct Cli {
    /// Page files to read (`-` or none: standard input). UTF-8 with or without BOM, or UTF-16 with BOM.
    files: Vec<PathBuf>,
    /// Indent the JSON (for a single input).
    #[arg(long)]
    pretty: bool,
    /// Today's date (YYYY-MM-DD), to flag publication dates in the future.
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = xinwen::Options { today: cli.today.clone() };
    let inputs = if cli.files.is_empty() { vec![PathBuf::from("-")] } else { cli.files.clone() };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &inputs {
        let name = path.display();
        let bytes = match read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("xinwen: {name}: {e}");
                failed = true;
                continue;
            }
        };
        let text = match xinwen::decode::decode_unicode(&bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("xinwen: {name}: {e}");
                failed = true;
                continue;
            }
        };
        let article = xinwen::parse_with(&text, &options);
        let json = if cli.pretty { serde_json::to_string_pretty(&article) } else { serde_json::to_string(&article) };
        let written = json.map_err(io::Error::other).and_then(|j| writeln!(out, "{j}"));
        if let Err(e) = written {
            eprintln!("xinwen: writing output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn read(path: &PathBuf) -> io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}
