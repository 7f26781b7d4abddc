// Weekdays of event templates: 0 = Sunday … 6 = Saturday (the city's local calendar).
export const SUN = 0;
export const MON = 1;
export const TUE = 2;
export const WED = 3;
export const THU = 4;
export const FRI = 5;
export const SAT = 6;
