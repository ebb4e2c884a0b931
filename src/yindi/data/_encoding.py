"""Decoding text files the way Chinese users save them, and saying so when a file is in another encoding.

Accepted: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text") and GB18030/GBK (Excel on
Chinese Windows). Two traps are detected instead of being decoded into mojibake:

- a Big5 / Shift-JIS / EUC-KR file, which GB18030 decodes without complaint into private-use characters and
  kana (``地區`` in Big5 reads as ``\\ue6c7跋``);
- a UTF-8 file that was once opened as GBK and saved again (``地区`` became ``鍦板尯``).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from yindi.errors import DataFormatError

_SAMPLE_LINES = 200
_OTHER_ENCODINGS = (
    ("big5", "Big5（繁体中文）", "Big5 (Traditional Chinese)"),
    ("shift_jis", "Shift-JIS（日文）", "Shift-JIS (Japanese)"),
    ("euc_kr", "EUC-KR（韩文）", "EUC-KR (Korean)"),
)
_SAVE_AS = "Save it as UTF-8 (Excel: Save As → 'CSV UTF-8'; WPS: 另存为 → CSV UTF-8)."
_SAVE_AS_ZH = "请另存为 UTF-8 编码（Excel：另存为“CSV UTF-8”；WPS：另存为 CSV UTF-8）。"


def _sample(text: str) -> str:
    return "\n".join(text.splitlines()[:_SAMPLE_LINES])


def _suspicious_share(text: str) -> float:
    """Share of non-ASCII characters that do not occur in ordinary GBK Chinese text (private use, kana,
    hangul, CJK characters outside GB2312)."""
    odd = total = 0
    for ch in text:
        if ch.isascii() or ch in "\ufeff　，。：；（）、“”‘’—…《》【】％":
            continue
        total += 1
        code = ord(ch)
        if 0xE000 <= code <= 0xF8FF or 0x3040 <= code <= 0x30FF or 0xAC00 <= code <= 0xD7AF:
            odd += 1
        elif 0x4E00 <= code <= 0x9FFF:
            try:
                ch.encode("gb2312")
            except UnicodeEncodeError:
                odd += 1
    return odd / total if total >= 4 else 0.0


def _guess_other(data: bytes) -> tuple[str, str] | None:
    head = data[: 64 * 1024]
    cut = head.rfind(b"\n")
    head = head[: cut + 1] if cut > 0 else head
    for enc, zh, en in _OTHER_ENCODINGS:
        try:
            text = head.decode(enc)
        except UnicodeDecodeError:
            continue
        if not any(0xE000 <= ord(c) <= 0xF8FF for c in text):
            return zh, en
    return None


def check_mojibake(text: str, path: Path) -> None:
    """Raise if ``text`` (decoded as UTF-8) is UTF-8 that was once read as GBK and saved again."""
    sample = _sample(text)
    if _suspicious_share(sample) < 0.2:
        return
    try:
        repaired = sample.encode("gb18030").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return
    if repaired != sample and _suspicious_share(repaired) < 0.05:
        bad = next((w for w in sample.replace(",", "\n").split() if not w.isascii()), sample[:10])
        good = bad.encode("gb18030").decode("utf-8", errors="replace")
        raise DataFormatError(
            f"{path}: the text is garbled (mojibake): {bad!r} should read {good!r}. The file is UTF-8 text that "
            "was once opened as GBK and saved again. Use the original file, or repair it by reading it as GBK "
            "and saving as UTF-8 — then check a few names by eye.",
            zh=f"{path}：文本是乱码：{bad!r} 应为 {good!r}。该文件是被按 GBK 打开后又保存的 UTF-8 文本。请使用原始文件，"
            "或按 GBK 读取后另存为 UTF-8 进行修复，并人工核对几个名称。",
        )


def decode_text(data: bytes, path: Path) -> str:
    """The text of a file: UTF-8 (BOM or not), UTF-16 with BOM, or GB18030; other encodings and mojibake are
    a :class:`DataFormatError` that says which encoding the file seems to be in and how to save it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        check_mojibake(text, path)
        return text
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _suspicious_share(_sample(text)) < 0.2:
        return text
    guess = _guess_other(data)
    if guess is not None:
        raise DataFormatError(
            f"{path}: the file is not UTF-8 or GBK; it looks like {guess[1]}. {_SAVE_AS}",
            zh=f"{path}：文件不是 UTF-8 或 GBK 编码，看起来是 {guess[0]}。{_SAVE_AS_ZH}",
        )
    raise DataFormatError(
        f"{path}: cannot decode the file as UTF-8, UTF-16 or GB18030 (GBK); it is in another encoding or not "
        f"a text file. {_SAVE_AS}",
        zh=f"{path}：无法按 UTF-8、UTF-16 或 GB18030（GBK）解码，文件采用其他编码或不是文本文件。{_SAVE_AS_ZH}",
    )
