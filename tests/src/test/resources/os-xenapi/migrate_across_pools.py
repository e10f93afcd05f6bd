"""OpenStack's XenAPI client for Python (Debian's python3-os-xenapi) against the simulator.

Usage: python3 migrate_across_pools.py ENDPOINTS_FILE

Logs in through a member of each pool and follows HOST_IS_SLAVE to the master the way
os_xenapi's XenAPISession does (it swaps the host of the URL for the address xapi sends), lists
objects, follows event.from, and moves web-01 from pool-a to b2 of pool-b with
Async.VM.migrate_send (host.migrate_receive on the destination), then checks that the VM runs
there with its MACs. The certificates are pinned by the SHA-256 fingerprints of the endpoints
file. Prints one line per step and a count of steps at the end; exits 0 only if all passed.
"""
import hashlib
import json
import ssl
import sys
import xmlrpc.client

from os_xenapi.client import XenAPI
from os_xenapi.client.session import XenAPISession

USER, PASSWORD = "migrator", "migrator-pass"


class PinnedTransport(xmlrpc.client.SafeTransport):
    """HTTPS that accepts only certificates whose SHA-256 is one of the given fingerprints."""

    def __init__(self, fingerprints):
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        super().__init__(context=context)
        self.fingerprints = fingerprints

    def make_connection(self, host):
        connection = super().make_connection(host)
        if connection.sock is None:
            connection.connect()
        der = connection.sock.getpeercert(binary_form=True)
        seen = "sha256:" + ":".join("%02X" % b for b in hashlib.sha256(der).digest())
        if seen not in self.fingerprints:
            raise ssl.SSLError("certificate of %s is not pinned: %s" % (host, seen))
        return connection


def login_through_member(pool, fingerprints):
    member = next(h for h in pool["hosts"] if not h["master"])
    url = member["url"] + "/"
    try:
        session = XenAPI.Session(url, transport=PinnedTransport(fingerprints))
        session.login_with_password(USER, PASSWORD, "1.0", "os-xenapi-test")
        raise AssertionError("a member accepted a login: " + url)
    except XenAPI.Failure as failure:
        assert failure.details[0] == "HOST_IS_SLAVE", failure.details
        master_address = failure.details[1]
    # os_xenapi's own way of reaching the master: swap the URL's host for the given address.
    master_url = XenAPISession.swap_xapi_host(None, url, master_address)
    session = XenAPI.Session(master_url, transport=PinnedTransport(fingerprints))
    session.login_with_password(USER, PASSWORD, "1.0", "os-xenapi-test")
    return session, master_url


def event_from(session, classes, token, timeout):
    return getattr(session.xenapi.event, "from")(classes, token, timeout)


def wait_for_task(session, task):
    token = ""
    while session.xenapi.task.get_status(task) == "pending":
        token = event_from(session, ["task/" + task], token, 30.0)["token"]
    return session.xenapi.task.get_record(task)


def macs(session, vm):
    return sorted(
        session.xenapi.VIF.get_device(vif) + "=" + session.xenapi.VIF.get_MAC(vif)
        for vif in session.xenapi.VM.get_VIFs(vm))


def main(endpoints_file):
    with open(endpoints_file) as f:
        endpoints = json.load(f)
    pools = {p["name"]: p for p in endpoints["pools"]}
    fingerprints = {h["tlsFingerprint"] for p in endpoints["pools"] for h in p["hosts"]}
    results = []

    def step(name, check):
        try:
            detail = check()
            results.append(True)
            print("ok: %s%s" % (name, ": " + detail if detail else ""))
        except Exception as e:  # one line per failed step, then go on
            results.append(False)
            print("FAILED: %s: %s: %s" % (name, type(e).__name__, e))

    state = {}

    def log_in():
        state["a"], url_a = login_through_member(pools["pool-a"], fingerprints)
        state["b"], url_b = login_through_member(pools["pool-b"], fingerprints)
        assert url_a.rstrip("/") == pools["pool-a"]["master"], url_a
        assert url_b.rstrip("/") == pools["pool-b"]["master"], url_b
        return "masters " + url_a + " and " + url_b + ", API " + state["a"].API_version

    def list_objects():
        a = state["a"]
        hosts = a.xenapi.host.get_all_records()
        assert sorted(h["name_label"] for h in hosts.values()) == ["a1", "a2", "a3"], hosts
        vms = a.xenapi.VM.get_all_records()
        guests = [r for r in vms.values()
                  if not r["is_a_template"] and not r["is_control_domain"]]
        assert any(r["name_label"] == "web-01" for r in guests)
        state["vm"] = a.xenapi.VM.get_by_name_label("web-01")[0]
        return "%d hosts, %d VMs" % (len(hosts), len(guests))

    def follow_events():
        a, vm = state["a"], state["vm"]
        token = event_from(a, ["vm"], "", 0.0)["token"]
        a.xenapi.VM.add_to_other_config(vm, "os-xenapi-test", "seen")
        batch = event_from(a, ["vm"], token, 30.0)
        mods = [e for e in batch["events"] if e["ref"] == vm and e["operation"] == "mod"]
        assert mods, batch["events"]
        assert mods[-1]["snapshot"]["other_config"]["os-xenapi-test"] == "seen"
        assert batch["token"] > token
        return "token " + batch["token"]

    def migrate_across_pools():
        a, b, vm = state["a"], state["b"], state["vm"]
        uuid = a.xenapi.VM.get_uuid(vm)
        before = macs(a, vm)
        target = b.xenapi.host.get_by_name_label("b2")[0]
        network = b.xenapi.network.get_by_name_label("migration")[0]
        dest = b.xenapi.host.migrate_receive(target, network, {})
        nfs = b.xenapi.SR.get_by_name_label("b-nfs")[0]
        vm_network = b.xenapi.network.get_by_name_label("VM network 100")[0]
        vdi_map = {a.xenapi.VBD.get_VDI(vbd): nfs for vbd in a.xenapi.VM.get_VBDs(vm)
                   if a.xenapi.VBD.get_type(vbd) == "Disk"}
        vif_map = {vif: vm_network for vif in a.xenapi.VM.get_VIFs(vm)}
        task = a.xenapi.Async.VM.migrate_send(vm, dest, True, vdi_map, vif_map, {})
        record = wait_for_task(a, task)
        assert record["status"] == "success", record["error_info"]
        arrived = b.xenapi.VM.get_by_uuid(uuid)
        assert b.xenapi.VM.get_power_state(arrived) == "Running"
        host = b.xenapi.VM.get_resident_on(arrived)
        assert b.xenapi.host.get_name_label(host) == "b2"
        after = macs(b, arrived)
        assert after == before, (before, after)
        return "web-01 runs on b2 with " + ", ".join(after)

    step("log in through a member, follow HOST_IS_SLAVE to the master", log_in)
    if results[-1]:
        step("list hosts and VMs", list_objects)
        step("follow event.from", follow_events)
        step("VM.migrate_send to the other pool", migrate_across_pools)
        state["a"].xenapi.session.logout()
        state["b"].xenapi.session.logout()
    passed = sum(1 for r in results if r)
    print("steps: %d ok, %d failed" % (passed, len(results) - passed))
    return 0 if passed == 4 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
