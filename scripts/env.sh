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

# The wasm-bindgen CLI (and wasm-bindgen-test-runner) at the version Cargo.toml pins for the
# wasm-bindgen crate: the two must match exactly. Installed from crates.io when missing or different.
ensure_wasm_bindgen() {
  case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac
  local want
  want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"$/\1/p' Cargo.toml)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ] ||
    ! command -v wasm-bindgen-test-runner >/dev/null; then
    cargo install --locked wasm-bindgen-cli --version "$want"
  fi
}

# Headless Chromium and its WebDriver (Debian's packages), for the browser runs of the wasm tests.
# Returns non-zero, without failing the caller, when they are missing and cannot be installed.
# A CJK font (fonts-wqy-microhei) comes too: without one, the page's screenshots show empty boxes.
ensure_chromium() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
  if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >&2 || true
  fi
  command -v chromium >/dev/null && command -v chromedriver >/dev/null
}

# cargo-deny (the licence, ban and source checks of deny.toml), from crates.io when missing.
# A first install compiles it: about 7 minutes on two shared cores; later runs find it in ~/.cargo/bin.
ensure_cargo_deny() {
  case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac
  command -v cargo-deny >/dev/null || cargo install --locked cargo-deny
}
