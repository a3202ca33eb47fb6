"""The progress page's chart: cumulative participants and companies by month, server-rendered
SVG in the style of `hanke.finance.charts` (role="img" with a title and a description, colours
from CSS classes, no inline styles or scripts). The page shows the table behind it as well."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from hanke.core.formatting import format_month, format_number
from hanke.finance.charts import WIDTH, _legend, _px, _svg


def _polyline(points, line_css: str, point_css: str) -> SafeString:
    return format_html(
        '<polyline class="{}" points="{}"></polyline>{}',
        line_css,
        " ".join(f"{_px(x)},{_px(y)}" for x, y in points),
        format_html_join(
            "",
            '<circle class="{}" cx="{}" cy="{}" r="3"></circle>',
            ((point_css, _px(x), _px(y)) for x, y in points),
        ),
    )


def cumulative_reach(months, chart_id: str = "chart-reach") -> SafeString:
    """Two lines on one scale: the cumulative participants and the cumulative companies, one
    point per month. `months` holds `(month, new persons, persons, new companies, companies)`."""
    left, top, plot_h = 40, 30, 180
    plot_w = WIDTH - left - 10
    months = list(months)
    scale_max = max([1] + [m[2] for m in months] + [m[4] for m in months])
    parts = [
        _legend(
            0,
            [
                ("chart-actual", _("Participants (cumulative)")),
                ("chart-companies", _("Companies (cumulative)")),
            ],
        ),
        format_html(
            '<line class="chart-axis" x1="{l}" y1="{b}" x2="{r}" y2="{b}"></line>'
            '<line class="chart-axis" x1="{l}" y1="{t}" x2="{l}" y2="{b}"></line>'
            '<text class="chart-label" x="{lx}" y="{ty}" text-anchor="end">{top_value}</text>'
            '<text class="chart-label" x="{lx}" y="{b}" text-anchor="end">0</text>',
            l=left,
            r=left + plot_w,
            t=top,
            b=top + plot_h,
            lx=left - 6,
            ty=top + 10,
            top_value=format_number(scale_max),
        ),
    ]
    if months:
        step = plot_w / len(months)

        def point(index, value):
            return (
                left + step * (index + 0.5),
                top + plot_h - plot_h * value / scale_max,
            )

        persons = [point(i, m[2]) for i, m in enumerate(months)]
        companies = [point(i, m[4]) for i, m in enumerate(months)]
        parts.append(_polyline(persons, "chart-line", "chart-point"))
        parts.append(_polyline(companies, "chart-line-companies", "chart-point-companies"))
        parts.append(
            format_html(
                '<text class="chart-label" x="{}" y="{}">{}</text>'
                '<text class="chart-label" x="{}" y="{}" text-anchor="end">{}</text>',
                left,
                top + plot_h + 18,
                format_month(months[0][0]),
                left + plot_w,
                top + plot_h + 18,
                format_month(months[-1][0]),
            )
        )
        description = _(
            "From %(first)s to %(last)s the number of participants grew to %(persons)s and the "
            "number of companies to %(companies)s."
        ) % {
            "first": format_month(months[0][0]),
            "last": format_month(months[-1][0]),
            "persons": format_number(months[-1][2]),
            "companies": format_number(months[-1][4]),
        }
    else:
        description = _("No one has entered the project yet.")
    return _svg(
        chart_id,
        _("Participants and companies reached, cumulative by month"),
        description,
        top + plot_h + 26,
        mark_safe("".join(parts)),
    )
