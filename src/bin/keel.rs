//! The `keel` command line: forwards to [`keel::cli::run`], where everything happens.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = keel::cli::run(
        &args,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(code);
}
