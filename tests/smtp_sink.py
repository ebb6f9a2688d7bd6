"""A real SMTP server for the tests, in its own process: aiosmtpd, writing each message it
accepts (envelope sender, recipients, raw bytes) as one JSON file into a folder.

    python tests/smtp_sink.py FOLDER PORT
"""

import base64
import json
import sys
import time
import uuid
from pathlib import Path

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "data": base64.b64encode(envelope.original_content or envelope.content).decode(),
        }
        name = f"{time.time_ns()}-{uuid.uuid4().hex}.json"
        (self.folder / (name + ".tmp")).write_text(json.dumps(record))
        (self.folder / (name + ".tmp")).rename(self.folder / name)
        return "250 Message accepted for delivery"


if __name__ == "__main__":
    folder, port = Path(sys.argv[1]), int(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()
