import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { echarts } from '../charts/echarts-setup';
import { formatBasisPoints } from '../indicators/reserve-ratio';
import outlines from './demo-city-grids.geo.json';
import { bandOf, type GridBand, type GridShare } from './grid-shares';

const MAP_NAME = 'medgrid-demo-city';
// The outlines are simplified shapes drawn for the demo city, not surveyed boundaries (docs/portal.md).
echarts.registerMap(MAP_NAME, outlines as unknown as Parameters<typeof echarts.registerMap>[1]);

export const OUTLINE_CODES: ReadonlySet<string> = new Set(
  outlines.features.map((f) => f.properties.gridCode),
);

const BAND_COLOUR: Record<GridBand, string> = { met: '#95de64', below: '#ff7875', 'no-data': '#d9dee3' };
const OUTSIDE_COLOUR = '#f4f6f8';

/** The city's grids on a map, each coloured by its share against the target; a click drills down to the grid. */
export function GridMap({ grids, targetBp, label }: { grids: GridShare[]; targetBp: number; label: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const byCode = new Map(grids.map((grid) => [grid.code, grid]));
  const option = {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params: { name: string }) => {
        const grid = byCode.get(params.name);
        if (!grid) return t('map.notAGrid');
        return `${grid.name}<br/>${label}: ${formatBasisPoints(grid.shareBp)}<br/>${t('map.referrals', { count: grid.referrals })}`;
      },
    },
    series: [
      {
        type: 'map',
        map: MAP_NAME,
        nameProperty: 'gridCode',
        roam: false,
        selectedMode: false,
        label: {
          show: true,
          formatter: (params: { name: string }) => byCode.get(params.name)?.name ?? '',
        },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#69b1ff' } },
        data: [
          ...grids.map((grid) => ({
            name: grid.code,
            value: grid.shareBp ?? 0,
            itemStyle: { areaColor: BAND_COLOUR[bandOf(grid.shareBp, targetBp)] },
          })),
          // Outlines of districts the city has no grid in are drawn as land, without a figure.
          ...[...OUTLINE_CODES]
            .filter((code) => !byCode.has(code))
            .map((code) => ({
              name: code,
              itemStyle: { areaColor: OUTSIDE_COLOUR },
              label: { show: false },
            })),
        ],
      },
    ],
  };
  return (
    <div data-testid="grid-map">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 420 }}
        opts={{ renderer: 'canvas' }}
        onEvents={{
          click: (params: { name: string }) => {
            const grid = byCode.get(params.name);
            if (grid) void navigate(`/grids/${grid.gridId}`);
          },
        }}
      />
      <ul className="map-legend" aria-label={t('map.legend')}>
        {(['met', 'below', 'no-data'] as const).map((band) => (
          <li key={band}>
            <span className="map-legend__swatch" style={{ background: BAND_COLOUR[band] }} aria-hidden />
            {t(`map.band.${band}`, { target: formatBasisPoints(targetBp) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
