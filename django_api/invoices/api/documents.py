"""Documents: list, detail, page image, field corrections, approval, rejection, reading again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from django_api.invoices.api import schemas
from django_api.invoices.api.fields import (
    MAX_VALUE_LENGTH,
    FieldValueField,
    OptionalDateField,
    StrictBooleanField,
    StrictCharField,
    StrictIntegerField,
)
from django_api.invoices.errors import InvalidInput, PreconditionFailed, StaleVersion
from django_api.invoices.models import DocumentStatus
from django_api.invoices.page_images import document_page_png
from django_api.invoices.selectors.documents import document_detail, document_get, document_list
from django_api.invoices.selectors.projects import project_get
from django_api.invoices.services.reextraction import document_reextract
from django_api.invoices.services.reviews import (
    MAX_REASON_LENGTH,
    document_approve,
    document_fields_update,
    document_reject,
)
from django_api.orchestration.seam import document_checks_run, document_reextract_run


def _detail_response(*, user, project, document_id) -> Response:
    """The document detail with its result version as the ETag (what `If-Match` names on a change)."""
    detail = document_detail(user=user, project=project, document_id=document_id)
    response = Response(detail)
    response["ETag"] = f'"{detail["result_version"]}"'
    return response


def _expected_version(request, body_version: int | None) -> int | None:
    """The result version the client edited: the body's `result_version`, else an `If-Match` header
    (`"7"` as the detail's ETag sends it); none when the client sends neither."""
    if body_version is not None:
        return body_version
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    tag = header.split(",")[0].strip().removeprefix("W/").strip('"')
    if not tag.isdigit():
        raise InvalidInput("If-Match must be the ETag of the document detail (its result version).")
    return int(tag)


@contextmanager
def _precondition(request, body_version: int | None) -> Iterator[int | None]:
    """The result version the client edited (`_expected_version`) for a change made within the block; a
    stale one named by `If-Match` answers 412 `stale_version` (HTTP's precondition), by the body 409."""
    version = _expected_version(request, body_version)
    try:
        yield version
    except StaleVersion as stale:
        if body_version is None and version is not None and not isinstance(stale, PreconditionFailed):
            raise PreconditionFailed(stale.message, detail=stale.detail) from stale
        raise


def _project_document(request, project_id, document_id):
    """The requesting user's project and its document (another user's answers 404)."""
    project = project_get(user=request.user, project_id=project_id)
    return project, document_get(user=request.user, project=project, document_id=document_id)


def _review_response(request, *, project, document, review, values: dict) -> Response:
    """`review` (a service of `services.reviews`) applied with the validated `values` to the version the
    client edited and re-checked at once; answers the document detail."""
    values = dict(values)
    with _precondition(request, values.pop("result_version")) as version:
        review(
            user=request.user,
            project=project,
            document=document,
            result_version=version,
            checks=document_checks_run,
            **values,
        )
    return _detail_response(user=request.user, project=project, document_id=document.id)


MAX_PAGE = 1000
TOTAL = "how many documents match the filters (all pages)"
NEXT = '`<url>; rel="next"`: the next page, when `limit` left rows out'


class DocumentListApi(APIView):
    class FilterSerializer(serializers.Serializer):
        # an empty query value (`?vendor=`) means "no filter"
        status = serializers.ChoiceField(choices=DocumentStatus.choices, required=False, allow_blank=True)
        vendor = serializers.CharField(required=False, allow_blank=True)
        q = serializers.CharField(
            required=False,
            allow_blank=True,
            max_length=200,
            help_text="words each found in the file name, the vendor or the invoice number (any case)",
        )
        date_from = OptionalDateField(required=False)
        date_to = OptionalDateField(required=False)
        limit = serializers.IntegerField(
            required=False,
            min_value=1,
            max_value=MAX_PAGE,
            help_text=f"at most this many rows (1-{MAX_PAGE}; all when absent); `X-Total-Count` says how "
            'many match, `Link: <...>; rel="next"` where the next page starts',
        )
        offset = serializers.IntegerField(
            required=False, min_value=0, default=0, help_text="rows skipped first"
        )

    @extend_schema(
        summary="A project's documents, filtered and sorted (the review queue)",
        parameters=[
            FilterSerializer,
            OpenApiParameter("X-Total-Count", int, OpenApiParameter.HEADER, response=True, description=TOTAL),
            OpenApiParameter("Link", str, OpenApiParameter.HEADER, response=True, description=NEXT),
        ],
        responses=schemas.DocumentRow(many=True),
        operation_id="documents_list",
    )
    def get(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        params = {
            k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in filters.validated_data.items()
        }
        limit, offset = params.pop("limit", None), params.pop("offset", 0)
        rows = document_list(user=request.user, project=project, **params)
        page = rows[offset : offset + limit] if limit else rows[offset:]
        response = Response(page)
        response["X-Total-Count"] = str(len(rows))
        if limit and offset + limit < len(rows):
            query = request.query_params.copy()
            query["offset"] = str(offset + limit)
            response["Link"] = f'<{request.build_absolute_uri(request.path)}?{query.urlencode()}>; rel="next"'
        return response


class DocumentDetailApi(APIView):
    @extend_schema(
        summary="One document: fields with boxes and confidences, items, checks, anomalies, version",
        responses=schemas.DocumentDetail,
    )
    def get(self, request, project_id, document_id):
        project = project_get(user=request.user, project_id=project_id)
        return _detail_response(user=request.user, project=project, document_id=document_id)


class DocumentPageImageApi(APIView):
    @extend_schema(
        summary="A page of a document as a PNG image", responses={(200, "image/png"): OpenApiTypes.BINARY}
    )
    def get(self, request, project_id, document_id, index):
        _, document = _project_document(request, project_id, document_id)
        png = document_page_png(document, index=int(index))
        response = HttpResponse(png, content_type="image/png")
        response["Cache-Control"] = "private, max-age=3600"
        return response


MAX_LINE_ITEMS = 1000


class DocumentFieldsUpdateApi(APIView):
    parser_classes = (JSONParser,)  # a form or multipart body would be read as "no change" and answer 200

    class FieldsUpdateInputSerializer(serializers.Serializer):
        fields = serializers.DictField(
            child=FieldValueField(allow_null=True, allow_blank=True, max_length=MAX_VALUE_LENGTH),
            required=False,
            default=dict,
        )
        line_items = serializers.ListField(
            child=serializers.DictField(
                child=FieldValueField(allow_null=True, allow_blank=True, max_length=MAX_VALUE_LENGTH)
            ),
            required=False,
            allow_null=True,
            default=None,
            max_length=MAX_LINE_ITEMS,
        )
        result_version = StrictIntegerField(
            required=False,
            default=None,
            allow_null=True,
            min_value=1,
            help_text="The `result_version` of the detail the change was made on (or send `If-Match`); "
            "a stale one answers 409 `stale_version` (412 when named by `If-Match`) and changes nothing.",
        )

        def validate(self, attrs):
            unknown = sorted(set(self.initial_data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {key: ["Unknown key: send `fields`, `line_items`, `result_version`."] for key in unknown}
                )
            return attrs

    @extend_schema(
        summary="Correct a document's fields (re-checked at once; result_version or If-Match required)",
        request=FieldsUpdateInputSerializer,
        responses=schemas.DocumentDetail,
    )
    def patch(self, request, project_id, document_id):
        project, document = _project_document(request, project_id, document_id)
        data = self.FieldsUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return _review_response(
            request,
            project=project,
            document=document,
            review=document_fields_update,
            values=data.validated_data,
        )


class DocumentApproveApi(APIView):
    parser_classes = (JSONParser,)

    class ApproveInputSerializer(serializers.Serializer):
        force = StrictBooleanField(
            required=False,
            default=False,
            help_text="Approve although the current values fail an error-level check (needs `reason`).",
        )
        reason = StrictCharField(required=False, allow_blank=True, default="", max_length=MAX_REASON_LENGTH)
        result_version = StrictIntegerField(required=False, default=None, allow_null=True, min_value=1)

    @extend_schema(
        summary="Approve a document (re-checked first; failed error-level checks need force + reason)",
        request=ApproveInputSerializer,
        responses=schemas.DocumentDetail,
    )
    def post(self, request, project_id, document_id):
        project, document = _project_document(request, project_id, document_id)
        if not isinstance(request.data, dict):  # no body is {}; `null`, a list or a number is not
            raise InvalidInput("The body must be a JSON object (or empty).")
        data = self.ApproveInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return _review_response(
            request, project=project, document=document, review=document_approve, values=data.validated_data
        )


class DocumentRejectApi(APIView):
    """Set a document aside with a reason (a file uploaded twice, a page that is no invoice)."""

    parser_classes = (JSONParser,)

    class RejectInputSerializer(serializers.Serializer):
        reason = StrictCharField(max_length=MAX_REASON_LENGTH, help_text="Why the document is set aside.")
        result_version = StrictIntegerField(required=False, default=None, allow_null=True, min_value=1)

    @extend_schema(
        summary="Reject a document with a reason (it leaves the queue's top, the spend and approved exports)",
        request=RejectInputSerializer,
        responses=schemas.DocumentDetail,
    )
    def post(self, request, project_id, document_id):
        project, document = _project_document(request, project_id, document_id)
        if not isinstance(request.data, dict):
            raise InvalidInput("The body must be a JSON object with the reason.")
        data = self.RejectInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return _review_response(
            request, project=project, document=document, review=document_reject, values=data.validated_data
        )


class DocumentReextractApi(APIView):
    """Read one document again with the current extraction (an e-invoice from its file, any other from its
    stored OCR with what the project learned); reviewers' corrections stay on top."""

    parser_classes = (JSONParser,)

    class ReextractInputSerializer(serializers.Serializer):
        result_version = StrictIntegerField(
            required=False,
            default=None,
            allow_null=True,
            min_value=1,
            help_text="The `result_version` the reviewer saw (or send `If-Match`); a stale one answers 409 "
            "(412 by `If-Match`).",
        )

    class ReextractedOut(serializers.Serializer):
        changed = serializers.ListField(
            child=serializers.CharField(), help_text="fields whose extracted value changed"
        )
        corrections_kept = serializers.ListField(
            child=serializers.CharField(),
            help_text="fields (and `line_items`) a reviewer corrected: their corrected values stay on top",
        )
        earlier_kept = serializers.ListField(
            child=serializers.CharField(),
            help_text="fields (and `line_items`) the new reading did not find: the earlier value stays",
        )
        document = schemas.DocumentDetail()

    @extend_schema(
        summary="Read a document again with the current extraction (corrections stay on top; re-checked)",
        request=ReextractInputSerializer,
        responses=ReextractedOut,
    )
    def post(self, request, project_id, document_id):
        project, document = _project_document(request, project_id, document_id)
        if not isinstance(request.data, dict):  # no body is {}
            raise InvalidInput("The body must be a JSON object (or empty).")
        data = self.ReextractInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with _precondition(request, data.validated_data["result_version"]) as version:
            done = document_reextract(
                user=request.user,
                project=project,
                document=document,
                result_version=version,
                read=document_reextract_run,
                checks=document_checks_run,
            )
        detail = document_detail(user=request.user, project=project, document_id=document.id)
        kept = list(done.corrections_kept)
        response = Response(
            {
                "changed": list(done.changed),
                "corrections_kept": kept,
                "earlier_kept": list(done.earlier_kept),
                "document": detail,
            }
        )
        response["ETag"] = f'"{detail["result_version"]}"'
        return response
