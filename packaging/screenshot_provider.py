#!/usr/bin/env python3
"""A stand-in OpenAI-compatible server for packaging/screenshots.sh.

Answers POST /v1/chat/completions without calling any model, so that the
example experiment (resources/examples/experiment.json) can be run for the
Experiments screen's screenshot at no cost and with the same outcome every
time. The answer depends only on the request:

- with a system message (the example's "guided" arm) it is the item's
  reference answer, except for every seventh item, where a period is added;
- without one (the "terse" arm) it is a sentence around the reference,
  except for every fourth item, which gets the bare reference.

So exact match favours "guided" clearly, and "contains" holds for both.

Usage: screenshot_provider.py DATASET.jsonl PORT_FILE
Listens on 127.0.0.1 at a free port and writes the port to PORT_FILE.
"""

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def load_references(path):
    """Question text -> (item number, reference answer)."""
    references = {}
    with open(path, encoding="utf-8") as dataset:
        for number, line in enumerate(l for l in dataset if l.strip()):
            item = json.loads(line)
            references[item["question"]] = (number, item["reference"])
    return references


def answer_for(messages, references):
    system = any(m.get("role") == "system" for m in messages)
    prompt = " ".join(str(m.get("content", "")) for m in messages if m.get("role") == "user")
    # The longest question the prompt contains: the item asked.
    asked = max((q for q in references if q in prompt), key=len, default=None)
    if asked is None:
        return "I do not know."
    number, reference = references[asked]
    if system:
        return reference + "." if number % 7 == 6 else reference
    return reference if number % 4 == 0 else "The answer to that is " + reference + "."


class Handler(BaseHTTPRequestHandler):
    references = {}

    def do_POST(self):
        if self.path.rstrip("/") != "/v1/chat/completions":
            self.send_error(404, "only /v1/chat/completions is served")
            return
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        messages = request.get("messages", [])
        text = answer_for(messages, self.references)
        prompt_chars = sum(len(str(m.get("content", ""))) for m in messages)
        body = json.dumps({
            "id": "chatcmpl-screenshot",
            "object": "chat.completion",
            "model": request.get("model", "unknown"),
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": text}}],
            "usage": {"prompt_tokens": prompt_chars // 4 + 1,
                      "completion_tokens": len(text) // 4 + 1},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # quiet: the script prints what matters
        pass


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: screenshot_provider.py DATASET.jsonl PORT_FILE")
    Handler.references = load_references(sys.argv[1])
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(sys.argv[2], "w", encoding="utf-8") as port_file:
        port_file.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
