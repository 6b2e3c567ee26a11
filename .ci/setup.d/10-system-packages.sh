# System packages for the end-to-end tests: headless Chromium and its driver (dashboard test) and
# the NATS server (queue worker tests). Debian's packages; installed only when missing.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v nats-server >/dev/null 2>&1 || need+=(nats-server)
if [ "${#need[@]}" -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
export SITREP_REQUIRE_CHROMIUM=1
export SITREP_REQUIRE_NATS=1
