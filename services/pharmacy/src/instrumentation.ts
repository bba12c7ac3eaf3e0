// Imported first by main.ts: OpenTelemetry must patch pg and http before they load.
import { instrumentService } from '@medgrid/telemetry';

instrumentService('pharmacy');
