"""What a message states about traffic, as data: the counts read, how they apply over a team's profile, how a
follow-up changes them, and the echo that shows what was read ("2,000 req/day × 3,000 in / 500 out = …").
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.answers.costs import TrafficProfile, apply_traffic
from bot.answers.questions.rates import fitted, period_name


class StatedTraffic(BaseModel):
    """What a message says about traffic; None where it says nothing."""

    model_config = ConfigDict(frozen=True)

    requests_per_month: int | None = None
    requests_per_day: int | None = None
    """Kept as stated, for the echo ("2,000 req/day")."""
    input_tokens: int | None = None
    output_tokens: int | None = None
    cache_hit: float | None = None
    batch_share: float | None = None
    scale: float | None = None
    """ "double the traffic": a multiple of the traffic before (the remembered one, else the server's)."""
    input_scale: float | None = None
    output_scale: float | None = None
    """ "double the output tokens": a multiple of one side's tokens per request before."""
    token_periods: float | None = None
    """A throughput's periods a month ("40k input tokens per minute": 43,200); the counts below are per period."""
    input_per_period: int | None = None
    output_per_period: int | None = None
    total_per_period: int | None = None
    """ "2M tokens an hour": both sides together, split by ``input_share`` or else as the base traffic splits."""
    total_only: bool | None = None
    """Token totals with no period ("10M input tokens and 2M output tokens"): priced once, shown as one month."""
    volumes: tuple[int, ...] | None = None
    """Several request volumes stated ("Acme 10k a day, Globex 25k a day"), each a month; the rate is their sum."""
    input_share: float | None = None
    """ "80% input": the input's share of a stated token total."""

    @property
    def empty(self) -> bool:
        return self == StatedTraffic()

    def applied(self, base: TrafficProfile) -> TrafficProfile:
        """``base`` with what was stated; raises ``TrafficError`` for a value out of range."""
        requests: int | None
        inputs: int | None
        outputs: int | None
        if self.token_periods is not None:
            requests, inputs, outputs = self._carried(base)
        else:
            requests, inputs, outputs = self.requests_per_month, self.input_tokens, self.output_tokens
            if self.scale is not None:
                requests = int((requests or base.requests_per_month) * self.scale)
            if self.input_scale is not None:
                inputs = int((inputs or base.input_tokens) * self.input_scale)
            if self.output_scale is not None:
                outputs = int((outputs or base.output_tokens) * self.output_scale)
        return apply_traffic(
            base,
            requests_per_month=requests,
            input_tokens=inputs,
            output_tokens=outputs,
            cache_hit=self.cache_hit,
            batch_share=self.batch_share,
        )

    def sides(self, base: TrafficProfile) -> tuple[int, int]:
        """A throughput's input and output tokens per period; a side not stated follows the base traffic's split."""
        inp, out, total = self.input_per_period, self.output_per_period, self.total_per_period
        if self.total_only:  # totals count only what was stated ("50M input tokens": no output)
            return inp or 0, out or 0
        both = base.input_tokens + base.output_tokens or 1
        if total is not None:
            inp = total - out if inp is None and out is not None else inp
            out = total - inp if out is None and inp is not None else out
            share = self.input_share if self.input_share is not None else base.input_tokens / both
            if inp is None or out is None:
                inp, out = round(total * share), round(total * (1 - share))
        if inp is None:
            inp = round((out or 0) * base.input_tokens / (base.output_tokens or 1))
        if out is None:
            out = round(inp * base.output_tokens / (base.input_tokens or 1))
        return max(inp, 0), max(out, 0)

    def _carried(self, base: TrafficProfile) -> tuple[int, int, int]:
        """A token throughput as (requests, input, output per request): the stated requests when there are any,
        else one per period."""
        periods = self.token_periods or 1.0
        inp, out = self.sides(base)
        if self.requests_per_month:
            requests = self.requests_per_month
            return requests, round(inp * periods / requests), round(out * periods / requests)
        requests, split = fitted(max(inp, out, 1), periods)
        return requests, round(inp / split), round(out / split)

    def merged(self, later: StatedTraffic) -> StatedTraffic:
        """This traffic with what ``later`` states on top (a follow-up changing one number)."""
        values = self.model_dump()
        scales = ("scale", "input_scale", "output_scale")
        values.update({k: v for k, v in later.model_dump().items() if v is not None and k not in scales})
        for side, key, scale in (
            ("input_tokens", "input_scale", later.input_scale),
            ("output_tokens", "output_scale", later.output_scale),
        ):
            if scale is not None:  # "double the output tokens": of what was stated, else of the profile's
                stated = getattr(self, side)
                if stated is not None:
                    values[side] = int(stated * scale)
                else:
                    values[key] = scale
        if later.requests_per_month is not None and later.requests_per_day is None:
            values["requests_per_day"] = None
        if later.scale is not None and self.requests_per_month is not None:  # "double it": 2 × what was stated
            values["requests_per_month"] = int(self.requests_per_month * later.scale)
            values["requests_per_day"] = int(self.requests_per_day * later.scale) if self.requests_per_day else None
        elif later.scale is not None:
            values["scale"] = later.scale
        return StatedTraffic.model_validate(values)


def describe_stated(stated: StatedTraffic, profile: TrafficProfile, base: TrafficProfile | None = None) -> str:
    """The echo of what was read: "2,000 req/day × 3,000 in / 500 out = 60,000 requests/month"."""
    if stated.token_periods is not None:
        inp, out = stated.sides(base or TrafficProfile())
        period = period_name(stated.token_periods)
        monthly_in = profile.requests_per_month * profile.input_tokens
        monthly_out = profile.requests_per_month * profile.output_tokens
        many = stated.token_periods
        count = f"{many:,.0f}" if many == round(many) else f"{many:,.2f}"
        text = (
            f"{inp:,} in / {out:,} out tokens in total (priced as one month)"
            if stated.total_only
            else f"{inp:,} in / {out:,} out tokens a month"
            if period == "month"
            else f"{inp:,} in / {out:,} out tokens per {period} × {count} {period}s a month"
            f" = {monthly_in:,} in / {monthly_out:,} out tokens a month"
        )
        split = stated.input_per_period is None or stated.output_per_period is None
        if stated.total_per_period is not None and split and stated.input_share is None:
            text += " (the split of the total as in your traffic profile)"
        return text + (f", {profile.cache_hit:.0%} of input cached" if profile.cache_hit else "")
    volume = (
        f"{stated.requests_per_day:,} req/day × {profile.days_per_month} days"
        if stated.requests_per_day is not None
        else f"{profile.requests_per_month:,} requests/month"
    )
    if stated.volumes and stated.scale is None:  # "Acme 10k a day, Globex 25k a day": the sum, shown
        volume = " + ".join(f"{v:,}" for v in stated.volumes) + " requests/month"
        if stated.requests_per_day is None:
            volume += f" = {profile.requests_per_month:,} requests/month"
    text = f"{volume}, {profile.input_tokens:,} in / {profile.output_tokens:,} out tokens per request"
    if stated.requests_per_day is not None:
        text += f" = {profile.requests_per_month:,} requests/month"
    if profile.cache_hit:
        text += f", {profile.cache_hit:.0%} of input cached"
    if profile.batch_share:
        text += f", {profile.batch_share:.0%} via batch"
    return text


__all__ = ["StatedTraffic", "describe_stated"]
