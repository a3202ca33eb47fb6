"""Server-rendered SVG charts of the budget follow-up. No JavaScript, no inline styles: colours
come from classes in portal.css. Every chart is `role="img"` with a title and a description,
and the page shows the table behind it next to it (the table is the real content).

Coordinates are computed with floats: they are pixels, not money."""

from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from hanke.core.formatting import format_money, format_percent

WIDTH = 640


def _px(value) -> str:
    return f"{float(value):.1f}"


def _svg(chart_id: str, title: str, description: str, height: int, body: SafeString) -> SafeString:
    return format_html(
        '<svg class="chart" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        id=chart_id,
        w=WIDTH,
        h=height,
        title=title,
        desc=description,
        body=body,
    )


def _legend(y: int, items) -> SafeString:
    parts, x = [], 0
    for css, label in items:
        parts.append(
            format_html(
                '<rect class="{}" x="{}" y="{}" width="14" height="14"></rect>'
                '<text class="chart-label" x="{}" y="{}">{}</text>',
                css,
                x,
                y,
                x + 20,
                y + 12,
                label,
            )
        )
        x += 40 + 8 * len(str(label))
    return mark_safe("".join(parts))


def category_bars(rows, chart_id: str = "chart-categories") -> SafeString:
    """Per category two horizontal bars: the budget and the costs entered so far."""
    rows = list(rows)
    label_w, top, bar_h, gap = 200, 30, 14, 14
    scale_max = max([Decimal("1")] + [r.budget for r in rows] + [r.actual for r in rows])
    plot_w = WIDTH - label_w - 10
    parts = [_legend(0, [("chart-budget", _("Budget")), ("chart-actual", _("Costs entered"))])]
    y = top
    for row in rows:
        budget_w = plot_w * float(row.budget / scale_max)
        actual_w = plot_w * float(row.actual / scale_max)
        parts.append(
            format_html(
                '<text class="chart-label" x="0" y="{}">{}</text>'
                '<rect class="chart-budget" x="{}" y="{}" width="{}" height="{}"></rect>'
                '<rect class="{}" x="{}" y="{}" width="{}" height="{}"></rect>',
                y + bar_h,
                str(row.label)[:30],
                label_w,
                y,
                _px(budget_w),
                bar_h,
                "chart-over" if row.over_budget else "chart-actual",
                label_w,
                y + bar_h,
                _px(actual_w),
                bar_h,
            )
        )
        y += 2 * bar_h + gap
    description = "; ".join(
        _("%(label)s: budget %(budget)s, entered %(actual)s")
        % {"label": r.label, "budget": format_money(r.budget), "actual": format_money(r.actual)}
        for r in rows
    )
    return _svg(
        chart_id,
        _("Budget and costs entered by category"),
        description,
        y + 4,
        mark_safe("".join(parts)),
    )


def cumulative_spending(by_month, budget_total, chart_id: str = "chart-cumulative") -> SafeString:
    """Cumulative costs month by month (a line with points) against the budget total."""
    left, top, plot_h = 10, 30, 180
    plot_w = WIDTH - left - 10
    months = list(by_month)
    scale_max = max([Decimal("1"), budget_total or Decimal("0")] + [m[2] for m in months])
    parts = [
        _legend(0, [("chart-budget", _("Budget total")), ("chart-actual", _("Cumulative costs"))])
    ]
    budget_y = top + plot_h - plot_h * float((budget_total or 0) / scale_max)
    parts.append(
        format_html(
            '<line class="chart-axis" x1="{l}" y1="{b}" x2="{r}" y2="{b}"></line>'
            '<line class="chart-budget-line" x1="{l}" y1="{y}" x2="{r}" y2="{y}"></line>',
            l=left,
            r=left + plot_w,
            b=top + plot_h,
            y=_px(budget_y),
        )
    )
    if months:
        step = plot_w / max(len(months), 1)
        points = []
        for index, (_month, _amount, cumulative) in enumerate(months):
            x = left + step * (index + 0.5)
            y = top + plot_h - plot_h * float(cumulative / scale_max)
            points.append((x, y))
        parts.append(
            format_html(
                '<polyline class="chart-line" points="{}"></polyline>',
                " ".join(f"{_px(x)},{_px(y)}" for x, y in points),
            )
        )
        parts.append(
            format_html_join(
                "",
                '<circle class="chart-point" cx="{}" cy="{}" r="4"></circle>',
                ((_px(x), _px(y)) for x, y in points),
            )
        )
        first, last = months[0][0], months[-1][0]
        parts.append(
            format_html(
                '<text class="chart-label" x="{}" y="{}">{}</text>'
                '<text class="chart-label" x="{}" y="{}" text-anchor="end">{}</text>',
                left,
                top + plot_h + 18,
                first,
                left + plot_w,
                top + plot_h + 18,
                last,
            )
        )
        total = months[-1][2]
    else:
        total = Decimal("0")
    description = _("Cumulative costs %(total)s against the budget total %(budget)s.") % {
        "total": format_money(total),
        "budget": format_money(budget_total or Decimal("0")),
    }
    return _svg(
        chart_id,
        _("Cumulative costs by month"),
        description,
        top + plot_h + 26,
        mark_safe("".join(parts)),
    )


def pace_bar(elapsed_percent, spent_percent, chart_id: str = "chart-pace") -> SafeString:
    """Two bars on a 0–100 % scale: project time elapsed and budget spent."""
    label_w, bar_h = 200, 18
    plot_w = WIDTH - label_w - 10
    bars = [
        (_("Time elapsed"), elapsed_percent, "chart-time"),
        (_("Budget spent"), spent_percent, "chart-actual"),
    ]
    parts = []
    for index, (label, value, css) in enumerate(bars):
        y = index * (bar_h + 12)
        shown = min(max(float(value or 0), 0.0), 100.0)
        parts.append(
            format_html(
                '<text class="chart-label" x="0" y="{}">{}</text>'
                '<rect class="chart-track" x="{}" y="{}" width="{}" height="{}"></rect>'
                '<rect class="{}" x="{}" y="{}" width="{}" height="{}"></rect>',
                y + bar_h - 4,
                label,
                label_w,
                y,
                plot_w,
                bar_h,
                css,
                label_w,
                y,
                _px(plot_w * shown / 100),
                bar_h,
            )
        )
    description = _("Time elapsed %(elapsed)s, budget spent %(spent)s.") % {
        "elapsed": format_percent(elapsed_percent) if elapsed_percent is not None else "–",
        "spent": format_percent(spent_percent) if spent_percent is not None else "–",
    }
    return _svg(
        chart_id,
        _("Spending pace: time elapsed against budget spent"),
        description,
        2 * (bar_h + 12),
        mark_safe("".join(parts)),
    )
