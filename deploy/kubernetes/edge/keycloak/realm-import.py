#!/usr/bin/env python3
"""Writes the production KeycloakRealmImport from the realm the local stack imports.

Source: deploy/keycloak/passerelle-realm.json (roles, clients, mappers, user profile: one realm for
development and production). Production values: overlays/edge/edge.env (the public API address and
the front-end origins). Output: overlays/edge/realm-import.yaml, committed.

What differs from the local realm:
- no demo users; only the integration clients' service-account users stay (they carry the
  `integration` role);
- no client secret: integration-fr and integration-ma read theirs from the Secret
  `keycloak-integration-clients` (keys integration-fr, integration-ma) through the import's
  placeholders, which the operator passes to the import Job as environment variables;
- passerelle-web redirects only to the public API and the front-end origins, over https, and has
  no password grant (that grant exists for the demo users and the tests);
- no `bruteForceStrategy`: the realm import CRD we validate against (operator 26.0.0) predates the
  field, so the API server would drop it; MULTIPLE, the local realm's value, is Keycloak's default
  when it is absent.

Regenerate after changing either input (Python 3.9+, standard library only):
    python3 deploy/kubernetes/edge/keycloak/realm-import.py
Check that the committed file is up to date (exit status 1 if not):
    python3 deploy/kubernetes/edge/keycloak/realm-import.py --check
"""

import json
import re
import sys
from pathlib import Path

KUBERNETES = Path(__file__).resolve().parents[2]
REALM = KUBERNETES.parent / "keycloak" / "passerelle-realm.json"
EDGE_ENV = KUBERNETES / "overlays" / "edge" / "edge.env"
OUTPUT = KUBERNETES / "overlays" / "edge" / "realm-import.yaml"

SECRET = "keycloak-integration-clients"
INTEGRATION_CLIENTS = {
    "integration-fr": ("INTEGRATION_FR_CLIENT_SECRET", "FR"),
    "integration-ma": ("INTEGRATION_MA_CLIENT_SECRET", "MA"),
}


def read_env(path):
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def production_realm(realm, env):
    public = env["PASSERELLE_PUBLIC_BASE_URL"].rstrip("/")
    origins = [o.strip().rstrip("/") for o in env["PASSERELLE_CORS_ORIGINS"].split(",") if o.strip()]
    redirects = [f"{url}/*" for url in [public, *origins]]
    for url in redirects:
        if not url.startswith("https://"):
            sys.exit(f"{EDGE_ENV}: {url} is not https")

    realm = json.loads(json.dumps(realm))
    if realm.pop("bruteForceStrategy", "MULTIPLE") != "MULTIPLE":
        sys.exit(f"{REALM}: bruteForceStrategy other than MULTIPLE needs a newer realm import CRD")
    realm["users"] = [u for u in realm["users"] if u.get("serviceAccountClientId")]
    for client in realm["clients"]:
        client_id = client["clientId"]
        if client_id == "passerelle-web":
            client["description"] = (
                "Public client of the learner portal, staff back-office, partner portal and the"
                " gateway's pages (authorization code + PKCE S256)."
            )
            client["directAccessGrantsEnabled"] = False
            client["redirectUris"] = redirects
            client["attributes"]["post.logout.redirect.uris"] = "##".join(redirects)
        elif client_id in INTEGRATION_CLIENTS:
            variable, country = INTEGRATION_CLIENTS[client_id]
            client["description"] = (
                f"Confidential client of the {country} regional office's system (client"
                f" credentials). Its secret is in the Secret {SECRET}, key {client_id}."
            )
            client["secret"] = "${" + variable + "}"
            client["attributes"].pop("client.secret.creation.time", None)
        elif client.get("secret"):
            sys.exit(f"{REALM}: client {client_id} has a secret this script does not replace")
    return realm


PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_./-]*")
YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def key(name):
    if PLAIN_KEY.fullmatch(name) and name.lower() not in YAML_WORDS:
        return name
    return json.dumps(name, ensure_ascii=False)


def scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def emit(value, indent):
    pad = "  " * indent
    lines = []
    if isinstance(value, dict):
        for name, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key(name)}:")
                lines.extend(emit(item, indent + 1))
            else:
                lines.append(f"{pad}{key(name)}: {empty_or_scalar(item)}")
    else:
        for item in value:
            if isinstance(item, (dict, list)) and item:
                nested = emit(item, indent + 1)
                lines.append(f"{pad}- {nested[0].lstrip()}")
                lines.extend(nested[1:])
            else:
                lines.append(f"{pad}- {empty_or_scalar(item)}")
    return lines


def empty_or_scalar(value):
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return scalar(value)


def render():
    realm = production_realm(json.loads(REALM.read_text(encoding="utf-8")), read_env(EDGE_ENV))
    placeholders = {
        variable: {"secret": {"name": SECRET, "key": client_id}}
        for client_id, (variable, _) in INTEGRATION_CLIENTS.items()
    }
    resource = {
        "apiVersion": "k8s.keycloak.org/v2alpha1",
        "kind": "KeycloakRealmImport",
        "metadata": {"name": "passerelle", "labels": {"app.kubernetes.io/part-of": "passerelle"}},
        "spec": {"keycloakCRName": "keycloak", "placeholders": placeholders, "realm": realm},
    }
    header = [
        "# Generated by deploy/kubernetes/edge/keycloak/realm-import.py from",
        "# deploy/keycloak/passerelle-realm.json and overlays/edge/edge.env: do not edit, rerun it.",
    ]
    return "\n".join(header + emit(resource, 0)) + "\n"


def main(args):
    text = render()
    if args == ["--check"]:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUTPUT} is out of date: run {Path(__file__).name} again")
        return
    if args:
        sys.exit(f"usage: {Path(__file__).name} [--check]")
    OUTPUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
