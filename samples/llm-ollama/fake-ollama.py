"""A stand-in for Ollama's OpenAI-compatible endpoint, to try this sample without a model.

It streams a canned answer (server-sent events, like Ollama) for whichever feature the prompt
names: first a wrong slugify, then the right one, so you see RED -> RED -> YELLOW -> GREEN.

    python3 samples/llm-ollama/fake-ollama.py 11434 &
    redyellow run samples/llm-ollama/manifest.json --stream
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLUGIFY_WRONG = '''import re


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
'''

SLUGIFY = '''import re
import unicodedata


def slugify(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"(?<=[A-Za-z])'(?=[A-Za-z])", "", ascii_text)
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
'''

UNIQUE = '''from slugs.slugify import slugify


def unique_slug(title, taken):
    base = slugify(title) or "untitled"
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
'''


def answer(prompt):
    if "(unique-slug)" in prompt:
        return "unique_slug builds on slugify.\n\n```python slugs/unique.py\n" + UNIQUE + "```\n"
    if "What went wrong before" in prompt:
        return "Accents and apostrophes need care.\n\n```python slugs/slugify.py\n" + SLUGIFY + "```\n"
    return "A first version.\n\n```python slugs/slugify.py\n" + SLUGIFY_WRONG + "```\n"


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        text = answer(body["messages"][-1]["content"])
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for i in range(0, len(text), 12):
            chunk = {"choices": [{"index": 0, "delta": {"content": text[i:i + 12]}, "finish_reason": None}]}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()
        done = {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
        self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())

    def log_message(self, fmt, *args):
        sys.stderr.write("fake-ollama: " + fmt % args + "\n")


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 11434), Handler).serve_forever()
