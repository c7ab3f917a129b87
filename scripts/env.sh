# Sourced by the project's scripts: installs on first use what the build and tests need,
# from the package registries only (crates.io, npm, Debian). Safe to call repeatedly.
# Each install says first what it installs, why, and about how long it takes on two cores.

# Where `cargo install` puts programs: $CARGO_HOME/bin, on the PATH of everything that sources this.
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$CARGO_BIN:"*) ;; *) export PATH="$CARGO_BIN:$PATH" ;; esac

# One line on stderr before a long first step: what, why, how long.
announce() { printf 'xinwen: installing %s\n' "$*" >&2; }

# `cargo install --locked`, and when the registry lacks a version the tool's lock file names (these
# machines reach a registry mirror that does not carry every version), the same install unlocked.
cargo_install() {
  cargo install --quiet --locked "$@" && return 0
  printf 'xinwen: the locked install of %s failed (a locked dependency is missing from the registry); installing unlocked\n' "$1" >&2
  cargo install --quiet "$@"
}

# The Rust components and the wasm target.
ensure_rust() {
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || {
    announce "rustfmt (rustup component; the format check; under a minute)"
    rustup component add rustfmt
  }
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || {
    announce "clippy (rustup component; the lints; under a minute)"
    rustup component add clippy
  }
  rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$' || {
    announce "the wasm32-unknown-unknown target (rustup; the npm package and the page are WebAssembly; under a minute)"
    rustup target add wasm32-unknown-unknown
  }
}

# Every crate every target needs (the host's, wasm32's, dev and build dependencies), so that later
# steps that run offline (cargo deny --offline) find them. Fast when they are already on disk.
ensure_crates() {
  cargo fetch --quiet
}

# The npm tools of package.json (binaryen's wasm-opt, playwright-core, typescript …), as locked.
ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    announce "the npm tools of package.json into node_modules (wasm-opt, playwright-core, typescript …; under a minute)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# The wasm-bindgen CLI (and wasm-bindgen-test-runner) at the version Cargo.toml pins for the
# wasm-bindgen crate: the two must match exactly. Installed from crates.io when missing or different.
ensure_wasm_bindgen() {
  local want
  want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"$/\1/p' Cargo.toml)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ] ||
    ! command -v wasm-bindgen-test-runner >/dev/null; then
    announce "wasm-bindgen-cli $want (cargo install; makes the JavaScript bindings of the wasm build; compiles for 3-5 minutes)"
    cargo_install wasm-bindgen-cli --version "$want"
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
    announce "${missing[*]} (Debian packages; the browser tests; about a minute)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >&2 || true
  fi
  command -v chromium >/dev/null && command -v chromedriver >/dev/null
}

# cargo-deny (the licence, ban and source checks of deny.toml). Its first install compiles for about
# 10 minutes on two cores, so the test command does not install it: `scripts/env.sh deny` (which CI
# runs) does. Returns non-zero when it is not installed.
have_cargo_deny() {
  command -v cargo-deny >/dev/null
}

ensure_cargo_deny() {
  have_cargo_deny && return 0
  announce "cargo-deny (cargo install; the licence checks of deny.toml; compiles for about 10 minutes)"
  cargo_install cargo-deny
}

# Run directly: `scripts/env.sh deny` installs cargo-deny; `scripts/env.sh all` installs every tool.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  cd "$(dirname "$0")/.."
  case "${1:-}" in
    deny) ensure_cargo_deny ;;
    all) ensure_rust && ensure_crates && ensure_node_modules && ensure_wasm_bindgen && ensure_cargo_deny && { ensure_chromium || true; } ;;
    *) echo "usage: scripts/env.sh deny|all" >&2; exit 2 ;;
  esac
fi
