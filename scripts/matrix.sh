#!/usr/bin/env bash
# The test matrix: the whole suite in Debian 13 chroots with QGIS 3.40 (trixie) and QGIS 3.44 LTR
# (trixie-backports, pinned). Run as root through `make test-matrix`, which passes the package list.
#
#   scripts/matrix.sh [TARGET...]      TARGET is 3.40 or 3.44 (default: both)
#   MATRIX_BUILD_ONLY=1 scripts/matrix.sh ...   only build the missing chroots (CI builds them while the host's
#                                              suite runs, then runs the suites)
#
# Chroots are cached under $MATRIX_CACHE (default /var/cache/sdg-monitor) in a folder named after a hash of the
# package list and BUILD_STEPS, so a change to either builds fresh ones (the pip requirements are brought up to
# date by `make test` in each run). The mirror
# is the one the host's apt uses, read at run time. Each run copies the checkout (tracked and untracked files,
# without ignored ones) into the chroot and runs `make test` there; every mount is undone on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${MATRIX_CACHE:-/var/cache/sdg-monitor}
SUITE=trixie
#: Bump when build() changes what goes into a chroot (the cache key includes it).
BUILD_STEPS=2
APT_OPTS=(-o DPkg::Lock::Timeout=900 -o Acquire::Retries=3 -y -qq --no-install-recommends)
: "${MATRIX_PACKAGES:?set MATRIX_PACKAGES (make test-matrix does)}"
read -r -a PACKAGES <<<"$MATRIX_PACKAGES"
# Everything a chroot needs besides the plugin's own package list.
EXTRA=(ca-certificates make python3-pip xvfb xauth npm)

log() { printf '[matrix %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

# The first Debian mirror the host's apt reads (deb822 sources first, then the one-line format).
mirror() {
    local uri
    uri=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    if [[ -z $uri ]]; then
        uri=$(awk '/^deb / && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' \
            /etc/apt/sources.list 2>/dev/null || true)
    fi
    [[ -n $uri ]] || { log "no Debian mirror in the host's apt sources"; exit 1; }
    echo "$uri"
}

# Whether a target's QGIS comes from backports.
from_backports() { [[ $1 == 3.44 ]]; }

cache_key() {
    echo "$MATRIX_PACKAGES $BUILD_STEPS" | sha256sum | cut -c1-12
}

MOUNTED=()
unmount_all() {
    local i
    for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
        umount "${MOUNTED[i]}" 2>/dev/null || umount -l "${MOUNTED[i]}" 2>/dev/null || true
    done
    MOUNTED=()
}
trap unmount_all EXIT

# Remove a chroot folder: first undo anything still mounted below it (an earlier run killed hard), then delete
# without crossing into another file system, so a leftover bind mount of /dev can never be followed.
remove_root() {
    local dir=$1 point
    [[ -e $dir ]] || return 0
    while read -r point; do
        umount "$point" 2>/dev/null || umount -l "$point"
    done < <(awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r)
    rm -rf --one-file-system "$dir"
}
trap 'exit 130' INT TERM

mount_into() {
    local root=$1
    mount -t proc proc "$root/proc" && MOUNTED+=("$root/proc")
    mount -t sysfs sysfs "$root/sys" && MOUNTED+=("$root/sys")
    mount --bind /dev "$root/dev" && MOUNTED+=("$root/dev")
    mount --bind /dev/pts "$root/dev/pts" && MOUNTED+=("$root/dev/pts")
    cp -L /etc/resolv.conf "$root/etc/resolv.conf"
}

in_root() { local root=$1; shift; chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt "$@"; }

# Build the chroot of one target into $CACHE/<target>-<key> (into a temporary folder first, so a failed build
# leaves nothing that looks finished).
build() {
    local target=$1 dest=$2 tmp uri
    tmp="$dest.tmp"
    remove_root "$tmp"
    mkdir -p "$CACHE"
    uri=$(mirror)
    log "$target: debootstrap $SUITE from the host's mirror"
    debootstrap --variant=minbase "$SUITE" "$tmp" "$uri" >"$CACHE/debootstrap-$target.log" 2>&1 \
        || { tail -20 "$CACHE/debootstrap-$target.log"; exit 1; }
    rm -f "$tmp/etc/apt/sources.list"
    {
        echo "deb $uri $SUITE main"
        echo "deb $uri $SUITE-updates main"
        if from_backports "$target"; then echo "deb $uri $SUITE-backports main"; fi
    } >"$tmp/etc/apt/sources.list.d/debian.list"
    if from_backports "$target"; then
        # QGIS and its libraries from backports, held at the 3.44 series.
        printf 'Package: qgis* python3-qgis* libqgis*\nPin: version %s.*\nPin-Priority: 1001\n' \
            "$target" >"$tmp/etc/apt/preferences.d/qgis"
    fi
    # The host's extra CA certificates (a TLS-inspecting proxy's among them), for pip inside.
    mkdir -p "$tmp/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$tmp/usr/local/share/ca-certificates/" 2>/dev/null || true
    printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >"$tmp/etc/pip.conf"
    mount_into "$tmp"
    log "$target: apt-get install (${#PACKAGES[@]} packages + ${#EXTRA[@]} tools)"
    in_root "$tmp" apt-get -o DPkg::Lock::Timeout=900 update -qq
    local release=()
    if from_backports "$target"; then release=(-t "$SUITE-backports"); fi
    in_root "$tmp" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" "${release[@]}" install \
        "${EXTRA[@]}" "${PACKAGES[@]}" \
        >"$CACHE/apt-$target.log" 2>&1 || { tail -30 "$CACHE/apt-$target.log"; exit 1; }
    in_root "$tmp" update-ca-certificates >/dev/null
    in_root "$tmp" apt-get clean
    check_version "$tmp" "$target"
    log "$target: test requirements into /opt/venv"
    in_root "$tmp" python3 -m venv --system-site-packages /opt/venv
    cp "$ROOT/requirements-test.txt" "$tmp/tmp/requirements-test.txt"
    in_root "$tmp" /opt/venv/bin/python -m pip install -q -r /tmp/requirements-test.txt
    unmount_all
    remove_root "$dest"
    mv "$tmp" "$dest"
}

check_version() {
    local root=$1 target=$2 version
    version=$(in_root "$root" python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION.split("-")[0])')
    [[ $version == "$target".* ]] || { log "$target: the chroot has QGIS $version"; exit 1; }
    log "$target: QGIS $version"
}

# The checkout's files, NUL-separated: git's view (tracked and untracked, not ignored), or without git every file
# but the build products.
checkout_files() {
    if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git -C "$ROOT" ls-files -z --cached --others --exclude-standard
    else
        (cd "$ROOT" && find . \( -name .git -o -name .venv -o -name .build -o -name dist -o -name __pycache__ \) \
            -prune -o -type f -print0)
    fi
}

# Copy the checkout into the chroot's /src and run the suite there.
run() {
    local target=$1 root=$2
    remove_root "$root/src"
    mkdir -p "$root/src"
    checkout_files | tar -C "$ROOT" --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$root/src" -xpf -
    mount_into "$root"
    check_version "$root" "$target"
    log "$target: make test"
    # The chroot has the packages (its key is their list); the venv built with it is brought up to date.
    mkdir -p "$root/src/.build"
    touch "$root/src/.build/apt.stamp"
    in_root "$root" make -C /src VENV=/opt/venv test TESTS="${TESTS:-tests}"
    unmount_all
    remove_root "$root/src"
}

main() {
    local targets=("$@") key target dest started old
    ((${#targets[@]})) || targets=(3.40 3.44)
    key=$(cache_key)
    mkdir -p "$CACHE"
    for target in "${targets[@]}"; do
        [[ $target == 3.40 || $target == 3.44 ]] || { log "unknown target $target (3.40 or 3.44)"; exit 2; }
        dest="$CACHE/qgis-$target-$key"
        exec 9>"$CACHE/.lock-$target"
        flock 9  # one run per target at a time on this machine (they share its chroot)
        started=$SECONDS
        if [[ ! -d $dest ]]; then
            for old in "$CACHE/qgis-$target-"*; do [[ $old == "$dest" ]] || remove_root "$old"; done
            build "$target" "$dest"
            log "$target: chroot built in $((SECONDS - started)) s"
        fi
        [[ -z ${MATRIX_BUILD_ONLY:-} ]] || continue
        started=$SECONDS
        run "$target" "$dest"
        log "$target: suite passed in $((SECONDS - started)) s"
    done
}

main "$@"; exit  # one line: bash has read it whole, so an edit to this file during a run changes nothing
