/** The back office's warnings on every screen of a signed-in person: a shift open over 24 h, a low provider balance. */
import { LowBalanceWarning } from '../../providers/screens/LowBalanceWarning';
import { StaleShiftWarning } from '../../shifts/screens/StaleShiftWarning';
import './backoffice.css';

export function CounterWarnings() {
  return (
    <div className="counter-warnings">
      <StaleShiftWarning />
      <LowBalanceWarning />
    </div>
  );
}
