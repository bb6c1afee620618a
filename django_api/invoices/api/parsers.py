"""The multipart parser of the upload endpoint. Django's parser silently drops a file whose name it
cannot sanitise (`..`, `dir/`, a name of control characters only): the client sent a file and heard
nothing about it. Here such a file keeps a placeholder name and goes through the upload checks like any
other (stored as `document<ext>`, or rejected with its code)."""

from __future__ import annotations

from django.http.multipartparser import MultiPartParser as DjangoMultiPartParser
from django.http.multipartparser import MultiPartParserError
from rest_framework.exceptions import ParseError
from rest_framework.parsers import DataAndFiles, MultiPartParser, get_encoding

UNNAMED = "unnamed"


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
        return DataAndFiles(data, files)
