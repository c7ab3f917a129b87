# Sourced by the project's scripts: installs on first use what the build and tests need,
# from the package registries only (crates.io, npm, Debian). Safe to call repeatedly.

# The Rust components and the wasm target.
ensure_rust() {
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$' ||
    rustup target add wasm32-unknown-unknown
}

# The npm tools of package.json (binaryen's wasm-opt, playwright-core, typescript), as locked.
ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
