#!/usr/bin/env bash
# Two homes, each behind its own NAT router, and an "internet" between them with a relay's
# public address. Every address here exists only inside these namespaces.
#
#   home-a (10.1.0.2) -- router-a [10.1.0.1 | 100.64.1.2, masquerade] --+
#                                                                      inet (100.64.0.1 on lo)
#   home-b (10.2.0.2) -- router-b [10.2.0.1 | 100.64.2.2, masquerade] --+
#
# The internet has no route to 10.1/10.2; the routers forward only what their hosts started
# (conntrack), so a home cannot be reached from outside, not even at its router's address.
#
#   test/netns/homes.sh up PREFIX     creates PREFIX-inet, -ra, -ha, -rb, -hb
#   test/netns/homes.sh down PREFIX   removes them (and their links); safe to repeat
#   test/netns/homes.sh check         exit 0 when namespaces can be made here, else says why
set -euo pipefail

cmd=${1:-}
prefix=${2:-}

ns() { ip netns exec "$prefix-$1" "${@:2}"; }

down() {
	for name in inet ra ha rb hb; do
		ip netns del "$prefix-$name" 2>/dev/null || true
	done
}

check() {
	if [ "$(id -u)" != 0 ]; then
		echo "needs root (network namespaces, veth, iptables)"
		exit 1
	fi
	for tool in ip iptables; do
		command -v "$tool" >/dev/null || { echo "needs $tool"; exit 1; }
	done
	local probe="ftcheck-$$"
	if ! ip netns add "$probe" 2>/dev/null; then
		echo "cannot create a network namespace here (ip netns add failed)"
		exit 1
	fi
	ip netns del "$probe"
}

up() {
	[ -n "$prefix" ] || { echo "usage: $0 up PREFIX" >&2; exit 2; }
	trap 'down' ERR
	for name in inet ra ha rb hb; do
		ip netns add "$prefix-$name"
		ns "$name" ip link set lo up
	done
	ns inet ip addr add 100.64.0.1/32 dev lo
	for side in a b; do
		local n=1
		[ "$side" = b ] && n=2
		# internet <-> router: the router's "public" address
		ip link add wan netns "$prefix-r$side" type veth peer name "to-$side" netns "$prefix-inet"
		ns inet ip addr add "100.64.$n.1/24" dev "to-$side"
		ns inet ip link set "to-$side" up
		ns "r$side" ip addr add "100.64.$n.2/24" dev wan
		ns "r$side" ip link set wan up
		ns "r$side" ip route add default via "100.64.$n.1"
		# router <-> home
		ip link add lan netns "$prefix-r$side" type veth peer name eth0 netns "$prefix-h$side"
		ns "r$side" ip addr add "10.$n.0.1/24" dev lan
		ns "r$side" ip link set lan up
		ns "h$side" ip addr add "10.$n.0.2/24" dev eth0
		ns "h$side" ip link set eth0 up
		ns "h$side" ip route add default via "10.$n.0.1"
		# the NAT: out through wan with the router's address; in only what was started inside
		ns "r$side" sysctl -qw net.ipv4.ip_forward=1
		ns "r$side" iptables -t nat -A POSTROUTING -o wan -j MASQUERADE
		ns "r$side" iptables -A FORWARD -i wan -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
		ns "r$side" iptables -A FORWARD -i wan -j DROP
	done
	trap - ERR
}

case "$cmd" in
up) up ;;
down) down ;;
check) check ;;
*)
	echo "usage: $0 up|down PREFIX, or $0 check" >&2
	exit 2
	;;
esac
