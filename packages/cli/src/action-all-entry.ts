import {run} from './action-all'

void run()
