"""An aiosmtpd handler for the campaign benchmark: accepts every message and keeps only its
Message-ID, one line per message received, so the benchmark can tell every e-mail arrived once.

    PYTHONPATH=ops/lib python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c counting_smtp.Counting FILE
"""


class Counting:
    def __init__(self, path):
        self.file = open(path, "a", buffering=1, encoding="ascii", errors="replace")

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("Counting needs the file to write Message-IDs to")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        self.file.write(message_id(envelope.original_content or envelope.content) + "\n")
        return "250 OK"


def message_id(content):
    headers = content.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    for i, line in enumerate(headers):
        if line.lower().startswith(b"message-id:"):
            value = line[len(b"message-id:"):].strip()
            # A folded header carries its value on the next line.
            if not value and i + 1 < len(headers):
                value = headers[i + 1].strip()
            return value.decode("ascii", "replace")
    return "(none)"
