"""Validates leninletter JSON exports against the project's JSON Schema.

Usage: python3 spec/json_check.py SCHEMA FILE...

Each FILE must be valid under SCHEMA (JSON Schema draft 2020-12, checked by
Debian's python3-jsonschema), and every object's keys must come in the order
of its schema's "properties". Prints one line per problem and "N valid";
exits 1 if any file fails.
"""
import json
import sys

import jsonschema


def resolve(schema, root):
    while isinstance(schema, dict) and "$ref" in schema:
        ref = schema["$ref"]
        node = root
        for part in ref.lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def order_problems(value, schema, root, path):
    schema = resolve(schema, root)
    if isinstance(value, dict) and isinstance(schema, dict):
        props = schema.get("properties")
        if props:
            order = list(props)
            ranks = [order.index(k) for k in value if k in props]
            if ranks != sorted(ranks):
                yield "%s: keys %s not in the schema's order %s" % (path, list(value), order)
            for k, v in value.items():
                if k in props:
                    yield from order_problems(v, props[k], root, path + "." + k)
    elif isinstance(value, list) and isinstance(schema, dict) and "items" in schema:
        for i, v in enumerate(value):
            yield from order_problems(v, schema["items"], root, "%s[%d]" % (path, i))


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for name in argv[2:]:
        with open(name, encoding="utf-8") as f:
            doc = json.load(f)
        problems = ["%s: %s" % (e.json_path, e.message[:300]) for e in validator.iter_errors(doc)]
        problems += list(order_problems(doc, schema, schema, "$"))
        for p in problems[:20]:
            print("%s: %s" % (name, p))
        if problems:
            bad += 1
    print("%d valid, %d invalid" % (len(argv) - 2 - bad, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
