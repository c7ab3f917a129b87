# Sourced by the project's scripts: installs on first use what the build and tests need,
# from the package registries only (crates.io, npm, Debian). Safe to call repeatedly.

# Headless Chromium (Debian's package) and a CJK font, for the web page's browser tests and their
# screenshots. Returns non-zero, without failing the caller, when chromium is missing and cannot be
# installed (not root, or no apt-get).
ensure_page_browser() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium chromium-driver)
  fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
  if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >&2 || true
  fi
  command -v chromium >/dev/null
}

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
