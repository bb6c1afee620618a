from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("invoices", "0002_review_versions"),
    ]

    operations = [
        migrations.AddField(
            model_name="ocrtask",
            name="progress",
            field=models.FloatField(blank=True, null=True),
        ),
    ]
