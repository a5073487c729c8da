"""A mail server that accepts every message and keeps it in memory: the one `make drill` starts
on the port where the mail server was missing. Plain SMTP on loopback (EMAIL_URL
`smtp://127.0.0.1:PORT?tls=0`), enough of RFC 5321 for Python's smtplib; Python 3.12 has no
smtpd module any more, and this is too little for a dependency.

    python -m tools.smtpsink 2525      # by hand: prints each message's recipients
"""

import asyncio
import sys
import threading
from dataclasses import dataclass


@dataclass
class Message:
    sender: str
    recipients: list[str]
    data: bytes


class SmtpSink:
    def __init__(self, port: int, host: str = "127.0.0.1"):
        self.host, self.port = host, port
        self.messages: list[Message] = []
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="smtpsink", daemon=True)
        self._error: OSError | None = None

    def start(self) -> "SmtpSink":
        self._thread.start()
        if not self._ready.wait(10) or self._error:
            raise RuntimeError(f"SMTP-Senke auf Port {self.port} nicht gestartet: {self._error}")
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            server = self._loop.run_until_complete(
                asyncio.start_server(self._session, self.host, self.port)
            )
        except OSError as error:
            self._error = error
            self._ready.set()
            return
        self._ready.set()
        self._loop.run_forever()
        server.close()
        self._loop.close()

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        def reply(line: str) -> None:
            writer.write(line.encode() + b"\r\n")

        reply("220 drill SMTP-Senke")
        sender, recipients = "", []
        try:
            while line := await reader.readline():
                verb, _, argument = line.decode("utf-8", "replace").strip().partition(" ")
                match verb.upper():
                    case "EHLO":
                        reply("250-drill\r\n250-8BITMIME\r\n250 SMTPUTF8")
                    case "HELO" | "NOOP":
                        reply("250 OK")
                    case "MAIL":
                        sender, recipients = argument.partition(":")[2].strip(), []
                        reply("250 OK")
                    case "RCPT":
                        recipients.append(argument.partition(":")[2].strip().strip("<>"))
                        reply("250 OK")
                    case "DATA":
                        reply("354 Ende mit <CRLF>.<CRLF>")
                        await writer.drain()
                        lines = []
                        while (data := await reader.readline()) not in (b".\r\n", b".\n", b""):
                            lines.append(data[1:] if data.startswith(b"..") else data)
                        self.messages.append(Message(sender, recipients, b"".join(lines)))
                        reply("250 OK angenommen")
                    case "RSET":
                        sender, recipients = "", []
                        reply("250 OK")
                    case "QUIT":
                        reply("221 Auf Wiedersehen")
                        break
                    case _:
                        reply("502 nicht unterstützt")
                await writer.drain()
        finally:
            writer.close()


def main() -> None:
    sink = SmtpSink(int(sys.argv[1]) if len(sys.argv) > 1 else 2525).start()
    print(f"SMTP-Senke auf 127.0.0.1:{sink.port} (Strg+C beendet).")
    seen = 0
    try:
        while True:
            threading.Event().wait(0.5)
            for message in sink.messages[seen:]:
                print("Mail an", ", ".join(message.recipients))
            seen = len(sink.messages)
    except KeyboardInterrupt:
        sink.stop()


if __name__ == "__main__":
    main()
