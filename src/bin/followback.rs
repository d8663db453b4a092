//! Entry point of the `followback` command-line tool; the logic is in `followback::cli`.

fn main() {}
