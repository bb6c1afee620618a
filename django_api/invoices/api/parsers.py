"""The multipart parser of the upload endpoint. Django's parser silently drops a file whose name it
cannot sanitise (`..`, `dir/`, a name of control characters only): the client sent a file and heard
nothing about it. Here such a file keeps a placeholder name and goes through the upload checks like any
other (stored as `document<ext>`, or rejected with its code).

A part of the `files` field sent with `filename=""` (a form's file input left empty, or a client that
forgot the name) is not a file to Django's parser at all: it reads it as a text field. Such parts are
moved to the files as `NamelessPart`s, which the upload rejects with a code (`empty_file` when empty,
`missing_filename` otherwise) instead of dropping them."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http.multipartparser import MultiPartParser as DjangoMultiPartParser
from django.http.multipartparser import MultiPartParserError
from rest_framework.exceptions import ParseError
from rest_framework.parsers import DataAndFiles, MultiPartParser, get_encoding
from rest_framework.parsers import FormParser as DrfFormParser

UNNAMED = "unnamed"
FILES_FIELD = "files"


class NamelessPart(SimpleUploadedFile):
    """A `files` part without a file name; its content arrived decoded as text (not trusted as bytes)."""

    nameless = True

    def __init__(self, text: str) -> None:
        super().__init__(UNNAMED, text.encode("utf-8"))


class _KeepUnnamedFiles(DjangoMultiPartParser):
    def sanitize_file_name(self, file_name):
        return super().sanitize_file_name(file_name) or UNNAMED


class UploadMultiPartParser(MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        request = parser_context["request"]
        meta = request.META.copy()
        meta["CONTENT_TYPE"] = media_type
        try:
            parser = _KeepUnnamedFiles(meta, stream, request.upload_handlers, get_encoding(parser_context))
            data, files = parser.parse()
        except MultiPartParserError as exc:
            raise ParseError(f"Multipart form parse error - {exc}") from exc
        nameless = data.getlist(FILES_FIELD)
        if nameless:
            data = data.copy()
            del data[FILES_FIELD]
            for text in nameless:
                files.appendlist(FILES_FIELD, NamelessPart(text))
        return DataAndFiles(data, files)


class FormParser(DrfFormParser):
    """DRF's form parser (`application/x-www-form-urlencoded`), except that a JSON body sent with that
    type (curl's `-d` without `-H 'Content-Type: application/json'`) is refused with a message saying
    so, instead of being read as one form key and answered `name: This field is required`."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        if any(key.lstrip().startswith(("{", "[")) for key in data):
            raise ParseError(
                "The body is JSON but was sent as form data (`application/x-www-form-urlencoded`, what "
                "curl's `-d` sends by default): add the header `Content-Type: application/json`."
            )
        return data
