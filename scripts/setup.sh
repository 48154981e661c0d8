#!/usr/bin/env bash
# Set up a fresh clone on a fresh machine: the system packages tsmux and its tests use (terminfo
# entries; vim and ssh for the end-to-end story; the C++ toolchain node-pty falls back to), then
# the npm dependencies and the build. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -e /usr/share/terminfo/t/tmux-256color ] || [ -e /lib/terminfo/t/tmux-256color ] || need+=(ncurses-term)
command -v vim >/dev/null 2>&1 || need+=(vim)
# The end-to-end story runs over a real ssh connection to a private sshd on loopback.
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh >/dev/null 2>&1 || need+=(openssh-client)
command -v make >/dev/null 2>&1 || need+=(make)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; else SUDO=none; fi
  if [ "$SUDO" = none ]; then
    echo "setup: please install: ${need[*]}" >&2
  else
    echo "setup: installing ${need[*]}" >&2
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

# node-pty ships a prebuilt binary for linux-x64/arm64; elsewhere its install script builds it
# (approved in package.json's allowScripts, as npm 11 asks).
npm ci --no-audit --no-fund
npm run build
