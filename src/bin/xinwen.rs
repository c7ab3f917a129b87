//! The xinwen command line: argument parsing and I/O only; every decision lives in the library.

use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Turn Chinese news pages into JSON: one Article per input, one line each, in input order.
#[derive(Parser, Debug)]
#[command(name = "xinwen", version, about, long_about = None)]
struct Cli {
    /// Page files to read (`-` or none: standard input): HTML or text, in any encoding (UTF-8,
    /// GB18030/GBK/GB2312, Big5, UTF-16 with BOM …). A file with NUL bytes is refused as binary.
    files: Vec<PathBuf>,
    /// Read the input as HTML, as text, or decide from the input.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,
    /// Indent the JSON (for a single input).
    #[arg(long)]
    pretty: bool,
    /// Today's date (YYYY-MM-DD[THH:MM]), to flag publication dates in the future and resolve relative
    /// ones (昨天, 3小时前, 10-08 12:00).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
}

/// `--format`'s values.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    Auto,
    Text,
    Html,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let format = match cli.format {
        FormatArg::Auto => xinwen::Format::Auto,
        FormatArg::Text => xinwen::Format::Text,
        FormatArg::Html => xinwen::Format::Html,
    };
    let options = xinwen::Options { today: cli.today.clone(), format };
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
        // the library reads anything; the command refuses what is surely not a page
        if xinwen::decode::looks_binary(&bytes) {
            eprintln!("xinwen: {name}: looks like a binary file (it holds NUL bytes), not a page");
            failed = true;
            continue;
        }
        let article = xinwen::parse_bytes_with(&bytes, &options);
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
