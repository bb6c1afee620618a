# Where a document's file came from when it was not uploaded as it is (an e-mail's attachment).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("invoices", "0010_document_first_approval"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="origin",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
